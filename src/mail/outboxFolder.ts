// The embedded stand-in for SMTP: each message is an RFC 822 .eml file in one folder, named after its
// Message-ID, so that a retried send replaces the file instead of adding a second copy.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser } from 'mailparser';

export interface OutboxEntry {
  /** The file name inside the outbox folder (no directory). */
  file: string;
  subject: string;
  to: string;
  /** When the file was written, that is when the message was "sent". */
  date: Date;
}

/** '<3f2a…@erasure>' → '3f2a…@erasure.eml'; anything unsafe in a file name is %-encoded, so two ids never share a file. */
export function outboxFileName(messageId: string): string {
  const id = messageId.trim().replace(/^<|>$/g, '');
  if (id === '') throw new Error('a message sent to the outbox needs a Message-ID');
  const safe = [...Buffer.from(id, 'utf8')]
    .map((byte) => {
      const char = String.fromCharCode(byte);
      return /[A-Za-z0-9._@+-]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
  return `${safe}.eml`;
}

export async function writeOutboxFile(outboxDir: string, messageId: string, message: Buffer): Promise<string> {
  await mkdir(outboxDir, { recursive: true });
  const file = path.join(outboxDir, outboxFileName(messageId));
  // Write aside and rename: a reader never sees half a message, and a crash leaves no broken .eml behind.
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, message);
    await rename(temporary, file);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  return file;
}

/** The messages in the outbox, newest first; an outbox that was never written to is empty. */
export async function listOutbox(outboxDir: string): Promise<OutboxEntry[]> {
  let names: string[];
  try {
    names = await readdir(outboxDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const entries = await Promise.all(
    names.filter((name) => name.endsWith('.eml')).map((name) => readEntry(path.join(outboxDir, name))),
  );
  return entries
    .filter((entry): entry is OutboxEntry => entry !== undefined)
    .sort((a, b) => b.date.getTime() - a.date.getTime() || a.file.localeCompare(b.file));
}

async function readEntry(file: string): Promise<OutboxEntry | undefined> {
  try {
    const [content, info] = await Promise.all([readFile(file), stat(file)]);
    // Only the header block is needed for a listing: skip decoding the bodies.
    const parsed = await simpleParser(headerBlock(content));
    return { file: path.basename(file), subject: parsed.subject ?? '', to: addressText(parsed.to), date: new Date(info.mtimeMs) };
  } catch (error) {
    // Removed between readdir and read (someone cleaning the outbox): not an error for a listing.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function headerBlock(message: Buffer): Buffer {
  for (const separator of ['\r\n\r\n', '\n\n']) {
    const end = message.indexOf(separator);
    if (end >= 0) return message.subarray(0, end + separator.length);
  }
  return message;
}

function addressText(to: { text: string } | { text: string }[] | undefined): string {
  if (to === undefined) return '';
  return Array.isArray(to) ? to.map((address) => address.text).join(', ') : to.text;
}
