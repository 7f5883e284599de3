/**
 * A small reader of nginx's configuration syntax, for checking deploy/nginx.conf
 * where no nginx runs: directives (`name args;`) and blocks (`name args { … }`),
 * `#` comments, single- and double-quoted arguments. Not handled (the file does
 * not use them): `include`, braces inside unquoted regular expressions, `${…}`.
 */
export interface Directive {
  name: string;
  args: string[];
  /** a block's directives; undefined for a simple directive */
  block?: Directive[];
}

function tokens(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) i++;
    else if (c === '#') while (i < text.length && text[i] !== '\n') i++;
    else if (c === '{' || c === '}' || c === ';') out.push(text[i++]!);
    else if (c === '"' || c === "'") {
      const end = text.indexOf(c, i + 1);
      if (end < 0) throw new Error(`unclosed quote at ${i}`);
      out.push(`\u0000${text.slice(i + 1, end)}`); // marked quoted, so "" is an argument, not nothing
      i = end + 1;
    } else {
      let j = i;
      while (j < text.length && !/[\s{};#]/.test(text[j]!)) j++;
      out.push(text.slice(i, j));
      i = j;
    }
  }
  return out;
}

/** The directives of an nginx configuration; throws on unbalanced braces or a missing `;`. */
export function parseNginx(text: string): Directive[] {
  const list = tokens(text);
  let at = 0;
  const word = (token: string) => (token.startsWith('\u0000') ? token.slice(1) : token);
  const block = (nested: boolean): Directive[] => {
    const directives: Directive[] = [];
    while (at < list.length) {
      if (list[at] === '}') {
        if (!nested) throw new Error('unexpected }');
        at++;
        return directives;
      }
      const name = word(list[at++]!);
      const args: string[] = [];
      while (at < list.length && list[at] !== ';' && list[at] !== '{' && list[at] !== '}') args.push(word(list[at++]!));
      if (list[at] === ';') {
        at++;
        directives.push({ name, args });
      } else if (list[at] === '{') {
        at++;
        directives.push({ name, args, block: block(true) });
      } else throw new Error(`directive ${name} has no ; or {`);
    }
    if (nested) throw new Error('unclosed {');
    return directives;
  };
  return block(false);
}

/** The directives named `name` in `directives` (one level). */
export const named = (directives: Directive[], name: string): Directive[] => directives.filter((d) => d.name === name);

/**
 * What a `map $source $result { … }` gives for `input`, as nginx decides: an exact
 * string first, else the first matching regular expression (`~`, `~*`), else
 * `default`; `$name` in the value is a named capture or a variable of `variables`.
 */
export function mapValue(map: Directive, input: string, variables: Record<string, string> = {}): string {
  const entries = map.block!.map((d) => ({ key: d.name, value: d.args[0] ?? '' }));
  const substitute = (value: string, groups: Record<string, string>) =>
    value.replace(/\$([A-Za-z_][A-Za-z0-9_]*)/g, (_all, name: string) => groups[name] ?? variables[name] ?? '');
  const exact = entries.find((e) => !e.key.startsWith('~') && e.key !== 'default' && e.key === input);
  if (exact) return substitute(exact.value, {});
  for (const entry of entries) {
    if (!entry.key.startsWith('~')) continue;
    const caseless = entry.key.startsWith('~*');
    const match = new RegExp(entry.key.slice(caseless ? 2 : 1), caseless ? 'i' : '').exec(input);
    if (match) return substitute(entry.value, match.groups ?? {});
  }
  const fallback = entries.find((e) => e.key === 'default');
  return fallback ? substitute(fallback.value, {}) : '';
}

/**
 * The `proxy_set_header`s in effect in `location`: its own, or (only when it
 * has none) the server's, as nginx inherits them.
 */
export function effectiveProxyHeaders(server: Directive[], location: Directive[]): Map<string, string> {
  const own = named(location, 'proxy_set_header');
  const source = own.length > 0 ? own : named(server, 'proxy_set_header');
  return new Map(source.map((d) => [d.args[0]!.toLowerCase(), d.args[1] ?? '']));
}
