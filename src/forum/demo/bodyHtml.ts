// How the demo forum renders a raw body: blank lines make paragraphs, "> " lines a quote, all text escaped.
// Real forums render their own way; this only gives the demo a rendered copy to keep in step with the raw one.

export function renderBodyHtml(raw: string): string {
  return raw
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((block) => block.trim())
    .filter((block) => block.length > 0)
    .map(renderBlock)
    .join('\n');
}

function renderBlock(block: string): string {
  const lines = block.split('\n');
  if (lines.every((line) => line.startsWith('>'))) {
    return `<blockquote>${renderBodyHtml(lines.map((line) => line.replace(/^> ?/, '')).join('\n'))}</blockquote>`;
  }
  return `<p>${lines.map(escapeHtml).join('<br>\n')}</p>`;
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
