/** One style of chalk's, as the formatters call it: one text in, the styled text out. */
export type Style = (text: string) => string;

/**
 * The styles the formatters use. A chalk instance is one; so is `PLAIN`, which leaves text as it
 * is, as chalk does with colours off, and lets plain output (pipes, CI, NO_COLOR) start without
 * loading chalk.
 */
export interface Color {
  bold: Style;
  cyan: Style;
  dim: Style;
  gray: Style;
  green: Style;
  underline: Style;
  red: Style & { bold: Style };
  yellow: Style & { bold: Style };
}

const plain: Style = (text) => `${text}`;

export const PLAIN: Color = {
  bold: plain,
  cyan: plain,
  dim: plain,
  gray: plain,
  green: plain,
  underline: plain,
  red: Object.assign((text: string) => `${text}`, { bold: plain }),
  yellow: Object.assign((text: string) => `${text}`, { bold: plain }),
};
