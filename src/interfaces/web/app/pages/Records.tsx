// Not built yet: being written (web issue).
import { Page } from '../components/ui.tsx';

export default function Records() {
  return <Page title="Records">{null}</Page>;
}
