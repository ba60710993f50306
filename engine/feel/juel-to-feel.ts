/**
 * The FEEL that a JUEL or Groovy condition (Camunda 7, Activiti, Flowable) means, or null when
 * `source` uses none of their idioms: `${approved == true && !rejected}` becomes
 * `approved = true and not(rejected)`. Plain text rewriting, string literals left alone (JUEL's
 * single-quoted ones turned into FEEL's double-quoted ones): the compiler shows it as a hint and an
 * importer of Camunda 7 models can apply it. None of these idioms is valid FEEL, so a FEEL
 * expression is never mistaken for one.
 */
export function juelToFeel(source: string): string | null {
  const trimmed = source.trim();
  const wrapped = /^[$#]\{([\s\S]*)\}$/.exec(trimmed);
  const body = wrapped ? wrapped[1]! : trimmed;
  const rewrite = new Rewrite(body);
  const feel = rewrite.run().trim();
  return wrapped || rewrite.changed ? feel : null;
}

const nameStart = /[\p{L}_$]/u;
const namePart = /[\p{L}\p{N}_$]/u;
/** What `!` applies to without parentheses: a name, a path (`a.b`), a call (`f(x)`, `a.isEmpty()`). */
const operand = /^[\p{L}_$][\p{L}\p{N}_$]*(?:\.[\p{L}_$][\p{L}\p{N}_$]*)*/u;

class Rewrite {
  changed = false;
  private at = 0;

  constructor(private readonly text: string) {}

  run(): string {
    let out = '';
    while (this.at < this.text.length) {
      const rest = this.text.slice(this.at);
      const char = rest[0]!;
      if (char === '"' || (char === "'" && !namePart.test(this.text[this.at - 1] ?? ''))) {
        out += this.stringLiteral(char);
      } else if (rest.startsWith('==') || rest.startsWith('&&') || rest.startsWith('||')) {
        this.changed = true;
        this.at += 2;
        while (/\s/.test(this.text[this.at] ?? '')) this.at += 1;
        out = `${out.trimEnd()} ${{ '=': '=', '&': 'and', '|': 'or' }[char as '=' | '&' | '|']} `;
      } else if (char === '!' && rest[1] !== '=') {
        this.changed = true;
        this.at += 1;
        out += `not(${this.negated()})`;
      } else {
        out += char;
        this.at += 1;
      }
    }
    return out;
  }

  /** A string literal from the quote at the cursor, as FEEL writes it. */
  private stringLiteral(quote: string): string {
    let value = '';
    let index = this.at + 1;
    while (index < this.text.length && this.text[index] !== quote) {
      if (this.text[index] === '\\' && index + 1 < this.text.length) index += 1;
      value += this.text[index];
      index += 1;
    }
    const literal = this.text.slice(this.at, index + 1);
    this.at = index + 1;
    if (quote === '"') return literal;
    this.changed = true;
    return JSON.stringify(value);
  }

  /** What a `!` negates, rewritten: a parenthesised group, or a name, path or call. */
  private negated(): string {
    while (/\s/.test(this.text[this.at] ?? '')) this.at += 1;
    let end = this.at;
    if (this.text[end] !== '(') {
      if (!nameStart.test(this.text[end] ?? '')) return '';
      end += operand.exec(this.text.slice(end))![0].length;
    }
    if (this.text[end] === '(') end = closingParenthesis(this.text, end) + 1;
    const negated = this.text.slice(this.at, end);
    this.at = end;
    const inner = new Rewrite(negated.startsWith('(') ? negated.slice(1, -1) : negated);
    return inner.run().trim();
  }
}

/** The index of the parenthesis closing the one at `open` (past the end when unbalanced), strings skipped. */
function closingParenthesis(text: string, open: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let index = open; index < text.length; index += 1) {
    const char = text[index]!;
    if (quote) {
      if (char === '\\') index += 1;
      else if (char === quote) quote = null;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '(') depth += 1;
    else if (char === ')' && (depth -= 1) === 0) return index;
  }
  return text.length;
}
