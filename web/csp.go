package web

// PageCSP is the Content-Security-Policy of pages: scripts and styles only
// from the site, nothing inline, no plugins. A page states it in a <meta>
// element too, for static hosts that send no headers (a <meta> cannot say
// frame-ancestors).
const PageCSP = "default-src 'self'; script-src 'self'; style-src 'self'; " +
	"img-src 'self' data:; connect-src 'self'; worker-src 'self'; manifest-src 'self'; " +
	"object-src 'none'; base-uri 'self'; form-action 'self'"

// CSP is the Content-Security-Policy header of every response: PageCSP and
// no framing.
const CSP = PageCSP + "; frame-ancestors 'none'"

// ScriptCSP is the policy of script responses. A worker runs under its
// script's policy, and the engine worker compiles WebAssembly, so scripts,
// and only scripts, may.
const ScriptCSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; " +
	"object-src 'none'; base-uri 'self'; frame-ancestors 'none'"
