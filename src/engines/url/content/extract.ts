import { Parser } from 'htmlparser2';

/** What the content checks look at, pulled out of a page in one streaming parse. */
export interface PageFeatures {
  title: string;
  headings: string[];
  imageAlts: string[];
  /** og:site_name, og:title, application-name, description. */
  metas: string[];
  /** Visible text (no script/style), whitespace-collapsed. */
  text: string;
  /** One line per input/textarea/select: `type=.. name=.. id=.. placeholder=.. aria-label=..`. */
  inputs: string[];
  inlineScripts: string[];
  scriptSrcs: string[];
}

const TEXT_LIMIT = 200_000;

export function extractFeatures(html: string): PageFeatures {
  const f: PageFeatures = {
    title: '',
    headings: [],
    imageAlts: [],
    metas: [],
    text: '',
    inputs: [],
    inlineScripts: [],
    scriptSrcs: [],
  };
  const stack: string[] = [];
  let text = '';
  let script = '';
  let heading = '';
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        stack.push(name);
        if (name === 'img' && attrs.alt) f.imageAlts.push(attrs.alt);
        if (name === 'meta') {
          const key = (attrs.property ?? attrs.name ?? '').toLowerCase();
          if (
            ['og:site_name', 'og:title', 'application-name', 'description', 'twitter:title'].includes(key) &&
            attrs.content
          ) {
            f.metas.push(attrs.content);
          }
        }
        if (name === 'input' || name === 'textarea' || name === 'select') {
          const parts = ['type', 'name', 'id', 'placeholder', 'aria-label', 'autocomplete']
            .filter((k) => attrs[k])
            .map((k) => `${k}=${attrs[k]}`);
          f.inputs.push(parts.join(' '));
        }
        if (name === 'script') {
          script = '';
          if (attrs.src) f.scriptSrcs.push(attrs.src);
        }
        if (/^h[1-3]$/.test(name)) heading = '';
      },
      ontext(data) {
        const top = stack[stack.length - 1];
        if (top === 'script') {
          script += data;
          return;
        }
        if (top === 'style' || top === 'noscript' || top === 'template') return;
        if (top === 'title') f.title += data;
        if (stack.some((t) => /^h[1-3]$/.test(t))) heading += data;
        if (text.length < TEXT_LIMIT) text += ` ${data}`;
      },
      onclosetag(name) {
        // Tolerate mis-nesting: pop back to the matching open tag.
        const at = stack.lastIndexOf(name);
        if (at >= 0) stack.length = at;
        if (name === 'script' && script.trim()) f.inlineScripts.push(script);
        if (/^h[1-3]$/.test(name) && heading.trim()) f.headings.push(heading.trim().replace(/\s+/g, ' '));
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  f.title = f.title.trim().replace(/\s+/g, ' ');
  f.text = text.replace(/\s+/g, ' ').trim();
  return f;
}
