// The style sheet of review.html. Confidence colours are from the Okabe–Ito palette, which stays
// distinct under the common colour-vision deficiencies, and every colour comes with a text label and a
// dot pattern, so nothing is said by colour alone.

export const REVIEW_STYLE = String.raw`
:root {
  --high: #0072b2; --high-bg: #e1f0fa;
  --medium: #56b4e9; --medium-bg: #eef8fd;
  --low: #e69f00; --low-bg: #fff4dc;
  --below: #d55e00;
  --confirmed: #009e73; --rejected: #555;
  --line: #c9c9c9; --ink: #1a1a1a; --muted: #5c5c5c; --focus: #000;
  --n: 2;
}
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--ink); background: #fafafa; }
header.top { background: #fff; padding: 8px 16px 2px; }
.sticky { position: sticky; top: 0; z-index: 2; background: #fff; border-bottom: 1px solid var(--line); padding: 0 16px; box-shadow: 0 2px 4px rgba(0,0,0,.06); }
h1 { font-size: 18px; margin: 0 8px 0 0; display: inline; }
.meta { color: var(--muted); }
.bar { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; margin: 6px 0; }
.bar label { display: inline-flex; gap: 6px; align-items: center; }
#f-pair { max-width: 26em; }
select, button { font: inherit; }
button { border: 1px solid #888; border-radius: 4px; background: #fff; padding: 2px 10px; cursor: pointer; color: var(--ink); }
button:hover:not(:disabled) { background: #f0f0f0; }
button:disabled { color: #999; border-color: #ccc; cursor: default; }
button.primary { background: var(--high); color: #fff; border-color: var(--high); font-weight: 600; }
button.primary:disabled { background: #ccc; border-color: #ccc; color: #555; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.summary { font-weight: 600; }
.summary span { margin-right: 12px; white-space: nowrap; }
.help, .note { margin: 4px 0; color: var(--muted); }
kbd { border: 1px solid #aaa; border-bottom-width: 2px; border-radius: 3px; padding: 0 4px; font: 12px ui-monospace, monospace; background: #fff; color: var(--ink); }
.legend { display: flex; flex-wrap: wrap; gap: 6px 14px; align-items: center; margin: 4px 0 6px; }
.message { min-height: 1.4em; margin: 2px 0; color: var(--ink); }
.cols { display: grid; grid-template-columns: repeat(var(--n), minmax(0, 1fr)); gap: 8px; }
.colhead { padding: 4px 0 6px; border-top: 1px solid var(--line); }
.colhead div { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.colhead .lang { font-weight: 700; font-size: 15px; }
.colhead .doc { color: var(--muted); font-size: 12px; }
main { padding: 8px 16px 24px; }
.row { background: #fff; border: 1px solid var(--line); border-radius: 6px; margin: 0 0 10px; padding: 6px 10px 8px; }
.row-head { color: var(--muted); font-size: 12px; margin-bottom: 4px; }
.row-head strong { color: var(--ink); }
.cell { border-left: 3px solid #e4e4e4; padding: 2px 6px; min-height: 1.4em; white-space: pre-wrap; overflow-wrap: anywhere; }
.cell.empty { color: #aaa; }
.cell.hl { background: #fff3b0; border-left-color: var(--focus); }
.cell .who { font-weight: 700; margin-right: 6px; }
.sent { font: 11px ui-monospace, monospace; color: var(--muted); margin-right: 4px; }
ul.links { list-style: none; margin: 6px 0 0; padding: 0; }
li.link { display: flex; flex-wrap: wrap; gap: 4px 10px; align-items: center; padding: 3px 6px; margin: 2px 0; border-left: 6px solid var(--low); background: var(--low-bg); border-radius: 3px; }
li.link.band-high { border-left-color: var(--high); background: var(--high-bg); }
li.link.band-medium { border-left-color: var(--medium); background: var(--medium-bg); }
li.link.kind-below { border-left-style: dashed; }
li.link { scroll-margin-top: 190px; scroll-margin-bottom: 16px; }
li.link.current { outline: 3px solid var(--focus); outline-offset: 1px; }
li.link.st-rejected .pair { text-decoration: line-through; color: var(--muted); }
.badge { display: inline-block; min-width: 6.5em; font-weight: 600; font-size: 12px; padding: 0 6px; border-radius: 10px; color: #fff; background: var(--low); color: #000; }
.badge.band-high { background: var(--high); color: #fff; }
.badge.band-medium { background: var(--medium); color: #000; }
.dots { letter-spacing: -1px; margin-right: 4px; }
.nums { font-variant-numeric: tabular-nums; color: var(--muted); }
.type { font-size: 12px; font-weight: 600; border-radius: 3px; padding: 0 4px; border: 1px solid #555; background: #fff; color: #222; }
.type.type-related { border-style: dashed; color: #6a3d00; border-color: #a0630a; font-style: italic; }
.flag { font-size: 12px; font-weight: 600; color: var(--below); border: 1px dashed var(--below); border-radius: 3px; padding: 0 4px; background: #fff; }
.status { font-size: 12px; font-weight: 700; padding: 0 6px; border-radius: 3px; border: 1px solid #999; background: #fff; }
.status.st-confirmed { background: var(--confirmed); border-color: var(--confirmed); color: #fff; }
.status.st-rejected { background: var(--rejected); border-color: var(--rejected); color: #fff; }
.status.changed::after { content: " (this review)"; font-weight: 400; }
.actions { margin-left: auto; display: inline-flex; gap: 4px; }
.actions button[aria-pressed="true"] { font-weight: 700; border-width: 2px; }
.pager { display: flex; gap: 10px; align-items: center; }
.empty-view { padding: 24px; color: var(--muted); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
