// Not built yet: being written (web issue).
import { Page } from '../components/ui.tsx';

export default function Profile() {
  return <Page title="Profile">{null}</Page>;
}
