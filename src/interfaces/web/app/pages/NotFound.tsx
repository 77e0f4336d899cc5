import { Link } from 'wouter';

export function NotFound({ what }: { what: string }) {
  return (
    <div className="content narrow">
      <h1>Not found</h1>
      <p>We could not find {what}. It may have moved, or you may not have access to it.</p>
      <p>
        <Link href="/">Go to your dashboard</Link>
      </p>
    </div>
  );
}
