// Not built yet: being written (web issue).
import { Page } from '../components/ui.tsx';

export default function Source() {
  return <Page title="Source">{null}</Page>;
}
