import { unzipSync } from 'fflate';

/** A zip archive's entries by name (fflate, as the Word reader uses), for looking inside a .docx in tests. */
export function unzip(data: Uint8Array): Map<string, Buffer> {
  return new Map(Object.entries(unzipSync(data)).map(([name, bytes]) => [name, Buffer.from(bytes)]));
}

/** The text of every `<w:t>` in a run of WordprocessingML, joined per paragraph. */
export function paragraphs(xml: string): { style: string | undefined; numId: string | undefined; ilvl: string | undefined; text: string }[] {
  const out = [];
  for (const m of xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)) {
    const p = m[0];
    const text = [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => decodeXml(t[1]!)).join('');
    out.push({
      style: /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1],
      numId: /<w:numId w:val="([^"]+)"/.exec(p)?.[1],
      ilvl: /<w:ilvl w:val="([^"]+)"/.exec(p)?.[1],
      text,
    });
  }
  return out;
}

export function decodeXml(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_m, e: string) => {
    switch (e) {
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'amp':
        return '&';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default:
        return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    }
  });
}

const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/**
 * A well-formedness check strict enough to catch what breaks a .docx: unbalanced or mismatched
 * tags, a raw `<` or a bare `&` in text or attributes, characters XML forbids. Returns the problem.
 */
export function xmlProblem(xml: string): string | undefined {
  if (XML_INVALID.test(xml)) return 'a character XML 1.0 forbids';
  const body = xml.replace(/^<\?xml[^>]*\?>/, '');
  const stack: string[] = [];
  let i = 0;
  while (i < body.length) {
    const lt = body.indexOf('<', i);
    const text = body.slice(i, lt < 0 ? body.length : lt);
    if (/&(?!(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(text)) return `a bare & in text near ${JSON.stringify(text.slice(0, 40))}`;
    if (text.includes('>')) return `a raw > in text near ${JSON.stringify(text.slice(0, 40))}`;
    if (lt < 0) break;
    const gt = body.indexOf('>', lt);
    if (gt < 0) return 'an unclosed tag';
    const tag = body.slice(lt + 1, gt);
    if (tag.includes('<')) return `a raw < inside a tag near ${JSON.stringify(tag.slice(0, 40))}`;
    if (/&(?!(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(tag)) return 'a bare & in an attribute';
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim();
      if (stack.pop() !== name) return `mismatched </${name}>`;
    } else if (!tag.endsWith('/') && !tag.startsWith('?') && !tag.startsWith('!')) {
      stack.push(tag.split(/\s/)[0]!);
    }
    i = gt + 1;
  }
  return stack.length ? `unclosed <${stack[stack.length - 1]}>` : undefined;
}
