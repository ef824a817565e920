// The detector's command-line front: JSON lines of posts in, JSON lines of findings out, in the format the
// labelled data and score-pii.mjs use, so the detector can be measured.
//   npx tsx src/pii/detectCli.ts < posts.jsonl > predictions.jsonl
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { DETECT_BATCH_SIZE, detectPiiInTexts } from './detect';
import type { RequesterIdentifiers } from './types';

export interface PostLine {
  id: string;
  text: string;
  lang?: string;
  requester?: {
    name?: string;
    names?: string[];
    emails?: string[];
    phones?: string[];
    usernames?: string[];
    addresses?: string[];
  } | null;
}

export async function runDetect(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<void> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNumber = 0;
  let batch: PostLine[] = [];
  for await (const line of lines) {
    lineNumber += 1;
    if (line.trim() === '') continue;
    let post: PostLine;
    try {
      post = parsePost(line, lineNumber);
    } catch (error) {
      // The posts read before a bad line still get their findings, as they would one line at a time.
      await writeFindings(batch, output);
      throw error;
    }
    batch.push(post);
    if (batch.length === DETECT_BATCH_SIZE) {
      await writeFindings(batch, output);
      batch = [];
    }
  }
  await writeFindings(batch, output);
}

/** One JSON line per post, in the posts' order: its id and its findings. */
async function writeFindings(posts: PostLine[], output: NodeJS.WritableStream): Promise<void> {
  const findings = detectPiiInTexts(posts.map((post) => ({ text: post.text, identifiers: identifiersOf(post.requester) })));
  for (const [index, post] of posts.entries()) {
    const spans = (findings[index] ?? []).map(({ start, end, type, score, owner }) => ({ start, end, type: type.toUpperCase(), score, owner }));
    if (!output.write(`${JSON.stringify({ id: post.id, spans })}\n`)) await once(output, 'drain');
  }
}

function parsePost(line: string, lineNumber: number): PostLine {
  const post: unknown = JSON.parse(line);
  if (typeof post !== 'object' || post === null) throw new Error(`line ${lineNumber}: not a JSON object`);
  const { id, text } = post as Partial<PostLine>;
  if (typeof id !== 'string' || typeof text !== 'string') throw new Error(`line ${lineNumber}: needs a string "id" and "text"`);
  return post as PostLine;
}

/** The labelled data gives one "name"; the service gives "names". Both become RequesterIdentifiers. */
export function identifiersOf(requester: PostLine['requester']): RequesterIdentifiers {
  const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
  return {
    names: [...strings(requester?.names), ...(typeof requester?.name === 'string' ? [requester.name] : [])],
    emails: strings(requester?.emails),
    phones: strings(requester?.phones),
    usernames: strings(requester?.usernames),
    addresses: strings(requester?.addresses),
  };
}

if (require.main === module) {
  runDetect(process.stdin, process.stdout).catch((error: unknown) => {
    process.stderr.write(`detect: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
