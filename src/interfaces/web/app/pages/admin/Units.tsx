// Not built yet: being written (web issue).
import { Page } from '../../components/ui.tsx';

export default function Units() {
  return <Page title="Units">{null}</Page>;
}
