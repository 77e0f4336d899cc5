// Not built yet: being written (web issue).
import { Page } from '../components/ui.tsx';

export default function RecordForm() {
  return <Page title="RecordForm">{null}</Page>;
}
