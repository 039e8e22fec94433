import { css } from 'lit';

/**
 * Japanese text: a font stack with its glyphs, which the host's font rarely has (these have
 * them, on every common system), and its own line breaking. Only a form that speaks Japanese
 * loads them, with its dictionary (controller.ts).
 */
export const japanese = css`
  :lang(ja) {
    font-family: var(
      --rxf-font-ja,
      'Hiragino Sans',
      'Hiragino Kaku Gothic ProN',
      'Yu Gothic UI',
      'Yu Gothic',
      Meiryo,
      'Noto Sans CJK JP',
      'Noto Sans JP',
      sans-serif
    );
    line-break: strict;
    word-break: auto-phrase;
  }
`;
