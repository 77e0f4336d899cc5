// A pack's source document (the policy or regulation its findings cite), as published, with a table of
// contents. Opened from a citation (…?section=2.1#s-2.1), it scrolls to the cited passage, highlights
// it and moves focus there, so a keyboard or screen-reader user lands on the text the finding rests on.
import { useEffect, useId } from 'react';
import { Link, useParams, useSearch } from 'wouter';
import { qs } from '../api.ts';
import { ErrorNote, Loading, Page } from '../components/ui.tsx';
import { useOrg } from '../org.tsx';
import { useApi } from '../use-api.ts';

export interface SourceBlock {
  id: string;
  kind: 'heading' | 'paragraph';
  level?: number;
  section?: string;
  text: string;
}

export interface SourceDocument {
  pack: string;
  id: string;
  title: string;
  blocks: SourceBlock[];
  focus: string | null;
}

/** The cited block and the paragraphs that continue it (up to the next numbered block or heading). */
function passageOf(blocks: readonly SourceBlock[], focus: string | null): Set<string> {
  const ids = new Set<string>();
  const start = focus ? blocks.findIndex((b) => b.id === focus) : -1;
  if (start < 0) return ids;
  ids.add(blocks[start]!.id);
  if (blocks[start]!.kind === 'heading') return ids;
  for (let i = start + 1; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind === 'heading' || b.section !== undefined) break;
    ids.add(b.id);
  }
  return ids;
}

export default function SourcePage() {
  const { pack, document: doc } = useParams<{ pack: string; document: string }>();
  const search = useSearch();
  const section = new URLSearchParams(search).get('section') ?? '';
  const org = useOrg();
  const url = `/api/v1/packs/${encodeURIComponent(pack)}/sources/${encodeURIComponent(doc)}${qs({ section })}`;
  const { data, error } = useApi<SourceDocument>(url);
  const packInfo = org.packs.find((p) => p.id === pack);
  const tocId = useId();
  const passage = data ? passageOf(data.blocks, data.focus) : new Set<string>();

  // After the page heading takes focus (Page does that on navigation), move it to the cited passage.
  useEffect(() => {
    if (!data?.focus) return;
    const frame = requestAnimationFrame(() => {
      const el = data.focus ? document.getElementById(data.focus) : null;
      if (!el) return;
      el.focus({ preventScroll: true });
      el.scrollIntoView({ block: 'center' });
    });
    return () => cancelAnimationFrame(frame);
  }, [data]);

  if (!data) {
    if (error) {
      return (
        <Page title="Source document">
          <ErrorNote
            error={
              error.status === 404
                ? `This source document is not available: ${error.message}`
                : `Could not load the source document: ${error.message}`
            }
          />
          {packInfo && (
            <p>
              <Link href={org.path(`/packs/${encodeURIComponent(pack)}`)}>Back to {packInfo.title}</Link>
            </p>
          )}
        </Page>
      );
    }
    return <Loading what="the source document" />;
  }

  const headings = data.blocks.filter((b) => b.kind === 'heading');
  const focused = data.blocks.find((b) => b.id === data.focus);
  // The document's own title heading repeats the page title; the contents start below it.
  const tocEntries = headings.filter((h, i) => !(i === 0 && h.level === 1 && data.blocks[0]?.id === h.id));
  const minLevel = Math.min(...tocEntries.map((h) => h.level ?? 2), 6);

  return (
    <Page
      title={data.title}
      subtitle={
        packInfo ? (
          <>
            Source document of{' '}
            <Link href={org.path(`/packs/${encodeURIComponent(pack)}`)}>{packInfo.title}</Link>
          </>
        ) : (
          'Source document'
        )
      }
    >
      {section && focused && (
        <p className="notice-note">
          Showing <strong>§ {focused.section ?? section}</strong>
          {focused.section && focused.section !== section ? ` (the nearest section to § ${section})` : ''},
          highlighted below.{' '}
          {window.history.length > 1 && (
            <button type="button" className="link-button" onClick={() => window.history.back()}>
              Go back
            </button>
          )}
        </p>
      )}
      {section && !focused && (
        <p className="notice-note">
          § {section} is not numbered in this document, so the whole text is shown from the start.
        </p>
      )}
      <div className="source-layout">
        {tocEntries.length > 1 && (
          <nav className="card source-toc" aria-labelledby={tocId}>
            <h2 id={tocId}>Contents</h2>
            <ul className="plain-list">
              {tocEntries.map((h) => (
                <li key={h.id} style={{ paddingLeft: `${Math.max(0, (h.level ?? minLevel) - minLevel)}rem` }}>
                  <a href={`#${h.id}`}>{h.text}</a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <article className="card source-text" aria-label={data.title}>
          {data.blocks.map((b, i) => {
            const highlighted = passage.has(b.id);
            const className = highlighted ? 'source-block cited' : 'source-block';
            if (b.kind === 'heading') {
              // The document's title is the page's h1; its sections start at h2.
              if (i === 0 && b.level === 1) return null;
              const level = Math.min(6, Math.max(2, (b.level ?? 2) + (headings[0]?.level === 1 ? 0 : 1)));
              const H = `h${level}` as 'h2';
              return (
                <H key={b.id} id={b.id} className={className} tabIndex={-1}>
                  {b.text}
                </H>
              );
            }
            return (
              <p key={b.id} id={b.id} className={className} tabIndex={highlighted ? -1 : undefined}>
                {highlighted && b.id === data.focus && (
                  <span className="visually-hidden">Cited passage: </span>
                )}
                {b.text}
              </p>
            );
          })}
        </article>
      </div>
    </Page>
  );
}
