// editor.js: dbtour's SQL editor and Go editor, CodeMirror 6.
// build.sh bundles it with esbuild into web/static/js/editor.bundle.js,
// the one bundled module.
import { basicSetup } from "codemirror";
import { EditorView, keymap } from "@codemirror/view";
import { Compartment, EditorState, Prec } from "@codemirror/state";
import { sql, SQLite } from "@codemirror/lang-sql";
import { go } from "@codemirror/lang-go";
import { setDiagnostics } from "@codemirror/lint";
import { HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { tags as t } from "@lezer/highlight";

// theme follows the page's colours (light or dark) through CSS variables.
const theme = EditorView.theme({
  "&": { backgroundColor: "var(--code-bg)", color: "var(--fg)", border: "1px solid var(--line)", borderRadius: "6px" },
  "&.cm-focused": { outline: "3px solid var(--accent)", outlineOffset: "2px" },
  ".cm-content": { fontFamily: "ui-monospace, 'SF Mono', Menlo, Consolas, monospace", fontSize: "15px", caretColor: "var(--fg)" },
  ".cm-gutters": { backgroundColor: "var(--code-bg)", color: "var(--muted)", border: "none" },
  ".cm-activeLine, .cm-activeLineGutter": { backgroundColor: "transparent" },
  ".cm-cursor, .cm-dropCursor": { borderLeftColor: "var(--fg)" },
  "&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection":
    { backgroundColor: "var(--selection)" },
  ".cm-tooltip": { backgroundColor: "var(--bg)", color: "var(--fg)", border: "1px solid var(--border)" },
  ".cm-tooltip-autocomplete ul li[aria-selected]": { backgroundColor: "var(--accent)", color: "var(--bg)" },
  ".cm-matchingBracket, &.cm-focused .cm-matchingBracket": { backgroundColor: "var(--selection)", outline: "1px solid var(--border)" },
});

// highlight colours SQL through the page's CSS variables (web/static/css/
// dbtour.css), which have light and dark values with AA contrast, so one
// style serves both modes.
const highlight = HighlightStyle.define([
  { tag: [t.keyword, t.operatorKeyword, t.modifier], color: "var(--hl-keyword)" },
  { tag: [t.string, t.special(t.string)], color: "var(--hl-string)" },
  { tag: [t.number, t.bool, t.null], color: "var(--hl-number)" },
  { tag: [t.comment, t.lineComment, t.blockComment], color: "var(--hl-comment)", fontStyle: "italic" },
  { tag: [t.typeName, t.standard(t.name), t.function(t.variableName)], color: "var(--hl-name)" },
  { tag: [t.special(t.name), t.propertyName, t.labelName], color: "var(--fg)" },
  { tag: t.invalid, color: "var(--error)" },
]);

// isDark reports whether the page shows dark colours (see theme.js).
function isDark() {
  const chosen = document.documentElement.dataset.theme;
  return chosen ? chosen === "dark" : matchMedia("(prefers-color-scheme: dark)").matches;
}

// mount makes a CodeMirror view of doc inside host, in a shadow root of
// its own: there CodeMirror's generated styles go into a constructed style
// sheet, which the page's Content-Security-Policy (no inline styles)
// allows, where a <style> element in the document would be blocked. The
// page's colours still reach it through inherited CSS variables, and
// CodeMirror's own parts (selection, tooltips, panels) follow the page's
// light or dark mode.
function mount(host, doc, extensions) {
  const dark = new Compartment();
  const root = host.attachShadow({ mode: "open" });
  const view = new EditorView({
    parent: root,
    root,
    state: EditorState.create({
      doc,
      extensions: [...extensions, theme, syntaxHighlighting(highlight), dark.of(EditorView.darkTheme.of(isDark()))],
    }),
  });
  document.addEventListener("dbtour-theme", (ev) => {
    view.dispatch({ effects: dark.reconfigure(EditorView.darkTheme.of(ev.detail.dark)) });
  });
  return view;
}

// createEditor makes a SQL editor for doc inside host. onRun runs the
// cell (Ctrl/Cmd+Enter), onRunNext runs it and moves on (Shift+Enter),
// onChange gets the text after every edit.
export function createEditor({ host, doc, onRun, onRunNext, onChange }) {
  const language = new Compartment();
  const view = mount(host, doc, [
    Prec.highest(keymap.of([
      { key: "Mod-Enter", run: () => (onRun(), true) },
      { key: "Shift-Enter", run: () => (onRunNext(), true) },
    ])),
    basicSetup,
    language.of(sql({ dialect: SQLite })),
    EditorView.updateListener.of((u) => {
      if (u.docChanged) {
        onChange(u.state.doc.toString());
        u.view.dispatch(setDiagnostics(u.state, []));
      }
    }),
    EditorView.contentAttributes.of({ "aria-label": "SQL" }),
  ]);
  return new Editor(view, language);
}

// createGoEditor makes a Go editor for doc inside host: an example
// program's file or a Go exercise, which the reader may edit and run.
// onRun, onRunNext and onChange are as for createEditor; label names the
// program for assistive technology.
export function createGoEditor({ host, doc, label, onRun, onRunNext, onChange }) {
  const view = mount(host, doc, [
    Prec.highest(keymap.of([
      { key: "Mod-Enter", run: () => (onRun(), true) },
      { key: "Shift-Enter", run: () => (onRunNext(), true) },
    ])),
    basicSetup,
    go(),
    EditorState.tabSize.of(4),
    EditorView.theme({ ".cm-scroller": { maxHeight: "32rem" } }),
    EditorView.updateListener.of((u) => {
      if (u.docChanged) {
        onChange(u.state.doc.toString());
        u.view.dispatch(setDiagnostics(u.state, []));
      }
    }),
    EditorView.contentAttributes.of({ "aria-label": label }),
  ]);
  return new Editor(view, null);
}

// Editor is the small surface the page uses.
class Editor {
  constructor(view, language) {
    this.view = view;
    this.language = language;
  }

  get text() {
    return this.view.state.doc.toString();
  }

  // replace sets the whole text as one edit, so undo brings the old back.
  replace(text) {
    this.view.dispatch({ changes: { from: 0, to: this.view.state.doc.length, insert: text } });
  }

  // setSchema teaches autocomplete the database's tables and columns.
  setSchema(schema) {
    const tables = {};
    for (const t of schema.tables) tables[t.name] = t.columns.map((c) => c.name);
    this.view.dispatch({ effects: this.language.reconfigure(sql({ dialect: SQLite, schema: tables })) });
  }

  // markError underlines the token at offset, selects its first character
  // and puts the caret there.
  markError(offset, message) {
    const doc = this.view.state.doc.toString();
    const from = Math.min(offset, doc.length);
    let to = from;
    while (to < doc.length && /[\w$@:]/.test(doc[to])) to++;
    to = Math.max(to, Math.min(from + 1, doc.length));
    this.view.dispatch(setDiagnostics(this.view.state, [{ from, to, severity: "error", message }]));
    this.view.dispatch({ selection: { anchor: from, head: Math.min(from + 1, doc.length) }, scrollIntoView: true });
    this.view.focus();
  }

  // markAt underlines the error at line and column (1-based, as the Go
  // toolchain counts) and puts the caret there.
  markAt(line, column, message) {
    const doc = this.view.state.doc;
    const l = doc.line(Math.min(Math.max(line, 1), doc.lines));
    this.markError(Math.min(l.from + Math.max(column, 1) - 1, l.to), message);
  }

  // selection returns the main selection as [from, to].
  selection() {
    const r = this.view.state.selection.main;
    return [r.from, r.to];
  }

  focus() {
    this.view.focus();
  }
}
