// Not built yet: being written (web issue).
import { Page } from '../../components/ui.tsx';

export default function AuditLog() {
  return <Page title="AuditLog">{null}</Page>;
}
