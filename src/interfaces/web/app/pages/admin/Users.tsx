// Not built yet: being written (web issue).
import { Page } from '../../components/ui.tsx';

export default function Users() {
  return <Page title="Users">{null}</Page>;
}
