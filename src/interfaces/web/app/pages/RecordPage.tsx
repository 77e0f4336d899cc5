// Not built yet: being written (web issue).
import { Page } from '../components/ui.tsx';

export default function RecordPage() {
  return <Page title="RecordPage">{null}</Page>;
}
