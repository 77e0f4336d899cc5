// Not built yet: being written (web issue).
import { Page } from '../components/ui.tsx';

export default function Pack() {
  return <Page title="Pack">{null}</Page>;
}
