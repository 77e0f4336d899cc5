// Not built yet: being written (web issue).
import { Page } from '../../components/ui.tsx';

export default function Parameters() {
  return <Page title="Parameters">{null}</Page>;
}
