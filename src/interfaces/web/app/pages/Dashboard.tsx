// Not built yet: being written (web issue).
import { Page } from '../components/ui.tsx';

export default function Dashboard() {
  return <Page title="Dashboard">{null}</Page>;
}
