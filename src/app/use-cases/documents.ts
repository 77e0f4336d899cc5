// Documents (correspondence, quotes, receipts, reports): bytes stored once by SHA-256, metadata with a
// sensitivity marking that decides who may read them, links to the records they support.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { putBlob, readBlob } from '../../store/blobs.ts';
import { documentLinks, documents, records } from '../../store/schema.ts';
import { newId } from '../auth/secrets.ts';
import { AppError, InputInvalidError, notFound } from '../errors.ts';
import { defineUseCase, type OrgScope, type Principal } from '../use-case.ts';
import { recordEvent } from './events.ts';

export const SENSITIVITIES = ['unmarked', 'sensitive', 'cui'] as const;
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

type DocumentRow = typeof documents.$inferSelect;

/** Unmarked: any reader of the organisation. Marked: the uploader, administrators, and the listed roles. */
export function mayRead(doc: DocumentRow, org: OrgScope, principal: Principal): boolean {
  if (doc.sensitivity === 'unmarked') return true;
  if (doc.uploadedBy === principal.userId || org.hasRole('org-admin')) return true;
  return org.memberships.some((m) => doc.readerRoles.includes(m.role));
}

function present(d: DocumentRow) {
  return {
    id: d.id,
    name: d.name,
    mediaType: d.mediaType,
    sizeBytes: d.sizeBytes,
    sha256: d.sha256,
    sensitivity: d.sensitivity,
    readerRoles: d.readerRoles,
    uploadedBy: d.uploadedBy,
    createdAt: d.createdAt.toISOString(),
  };
}

export const uploadDocument = defineUseCase({
  name: 'upload a document',
  access: { kind: 'org', permission: 'documents.write' },
  input: z.object({
    org: z.string(),
    name: z
      .string()
      .trim()
      .min(1)
      .max(255)
      .refine(
        (n) => !n.includes('/') && !n.includes('\\') && !n.includes('\u0000'),
        'must not contain slashes or NUL',
      ),
    mediaType: z.string().regex(/^[\w.+-]+\/[\w.+-]+$/, 'expected a media type such as application/pdf'),
    contentBase64: z.base64('expected the file content in base64'),
    sensitivity: z.enum(SENSITIVITIES).default('unmarked'),
    readerRoles: z.array(z.string().max(100)).max(20).default([]),
    recordId: z.string().max(64).optional(),
  }),
  async run({ app, org, input, principal, now }) {
    const bytes = Buffer.from(input.contentBase64, 'base64');
    if (bytes.length > MAX_DOCUMENT_BYTES) {
      throw new AppError(
        'PRB_PAYLOAD_TOO_LARGE',
        `Documents may be at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MiB.`,
      );
    }
    const unknownRoles = input.readerRoles.filter((r) => !app.roles.some((x) => x.id === r));
    if (unknownRoles.length)
      throw new InputInvalidError([
        { path: '/readerRoles', message: `unknown roles: ${unknownRoles.join(', ')}` },
      ]);
    // Bytes first (content-addressed, idempotent): if the transaction fails, an unreferenced file is
    // harmless; metadata never points at bytes that are not there.
    const sha256 = await putBlob(app.store.documentsDir, bytes);
    const row = {
      orgId: org.org.id,
      id: newId(),
      sha256,
      name: input.name,
      mediaType: input.mediaType,
      sizeBytes: bytes.length,
      sensitivity: input.sensitivity,
      readerRoles: input.readerRoles,
      uploadedBy: principal.userId,
      createdAt: now,
    };
    await app.store.db.transaction(async (tx) => {
      if (input.recordId) {
        const [rec] = await tx
          .select({ id: records.id })
          .from(records)
          .where(and(eq(records.orgId, org.org.id), eq(records.id, input.recordId)));
        if (!rec)
          throw new InputInvalidError([
            { path: '/recordId', message: 'is not a record of this organisation' },
          ]);
      }
      await tx.insert(documents).values(row);
      if (input.recordId) {
        await tx.insert(documentLinks).values({
          orgId: org.org.id,
          documentId: row.id,
          recordId: input.recordId,
          linkedBy: principal.userId,
          createdAt: now,
        });
      }
      const event = {
        documentId: row.id,
        name: row.name,
        sha256,
        sizeBytes: row.sizeBytes,
        sensitivity: row.sensitivity,
      };
      await recordEvent(tx, {
        orgId: org.org.id,
        actor: principal,
        kind: 'document.uploaded',
        subject: `document:${row.id}`,
        payload: event,
        at: now,
      });
      if (input.recordId) {
        await recordEvent(tx, {
          orgId: org.org.id,
          actor: principal,
          kind: 'document.attached',
          subject: `record:${input.recordId}`,
          payload: event,
          at: now,
        });
      }
    });
    return present(row);
  },
});

export const downloadDocument = defineUseCase({
  name: 'download a document',
  access: { kind: 'org', permission: 'documents.read' },
  input: z.object({ org: z.string(), id: z.string().min(1).max(64) }),
  async run({ app, org, input, principal, now }) {
    const [doc] = await app.store.db
      .select()
      .from(documents)
      .where(and(eq(documents.orgId, org.org.id), eq(documents.id, input.id)));
    if (!doc) throw notFound(`Document ${input.id}`);
    if (!mayRead(doc, org, principal)) {
      throw new AppError(
        'PRB_FORBIDDEN',
        `Document ${doc.name} is marked ${doc.sensitivity}; your roles may not read it.`,
      );
    }
    const bytes = await readBlob(app.store.documentsDir, doc.sha256);
    if (doc.sensitivity !== 'unmarked') {
      // Reading a marked document leaves a trace in the log.
      await app.store.db.transaction((tx) =>
        recordEvent(tx, {
          orgId: org.org.id,
          actor: principal,
          kind: 'document.read',
          subject: `document:${doc.id}`,
          payload: { sensitivity: doc.sensitivity },
          at: now,
        }),
      );
    }
    return { document: present(doc), bytes };
  },
});
