// html-to-text ships no types of its own; this declares the part answers/reply-text.ts uses.
declare module 'html-to-text' {
  export interface SelectorDefinition {
    selector: string;
    format?: string;
    options?: Record<string, unknown>;
  }
  export interface HtmlToTextOptions {
    wordwrap?: number | false | null;
    selectors?: SelectorDefinition[];
    limits?: { maxInputLength?: number; maxDepth?: number; maxChildNodes?: number };
  }
  export function convert(html: string, options?: HtmlToTextOptions): string;
}
