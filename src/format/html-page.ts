import { createHash } from 'node:crypto';
import { escapeHtml as h } from './html-escape.js';

/** A Content-Security-Policy source allowing exactly `text` as an inline style or script. */
export const cspHash = (text: string): string =>
  `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * The start of a self-contained okr page, up to and including `<body>`: its policy (`csp`, the
 * directives joined by "; "), viewport, title, an empty icon (no request for favicon.ico) and its
 * inline CSS.
 */
export function pageStart(title: string, css: string, csp: readonly string[]): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${h(csp.join('; '))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="okr">
<title>${h(title)}</title>
<link rel="icon" href="data:,">
<style>${css}</style>
</head>
<body>`;
}
