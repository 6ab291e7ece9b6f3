package engine

import "strings"

// statementEnd returns the length of the first statement of text: up to
// and including the semicolon that ends it, or all of text when none does.
// It follows sqlite3_complete (https://sqlite.org/c3ref/complete.html), so
// that a semicolon inside a string, a quoted name, a comment or a trigger's
// body does not end a statement.
//
// Exec gives SQLite one statement at a time: go-sqlite3 copies the text it
// prepares into SQLite's memory, and handing it the whole rest of a script
// for every statement made a script cost its statement count times its
// length.
func statementEnd(text string) int {
	state := stStart
	for i := 0; i < len(text); {
		tok, n := completeToken(text[i:])
		if n < 0 { // an unterminated comment, string or name runs to the end
			return len(text)
		}
		i += n
		state = completeTrans[state][tok]
		if tok == tkSemi && state == stStart {
			return i
		}
	}
	return len(text)
}

// The states and tokens of sqlite3_complete's state machine.
const (
	stInvalid = iota
	stStart
	stNormal
	stExplain
	stCreate
	stTrigger
	stSemi
	stEnd
)

const (
	tkSemi = iota
	tkWS
	tkOther
	tkExplain
	tkCreate
	tkTemp
	tkTrigger
	tkEnd
)

// completeTrans is sqlite3_complete's transition table: the next state by
// state and token.
var completeTrans = [8][8]int{
	/* INVALID */ {stStart, stInvalid, stNormal, stExplain, stCreate, stNormal, stNormal, stNormal},
	/* START   */ {stStart, stStart, stNormal, stExplain, stCreate, stNormal, stNormal, stNormal},
	/* NORMAL  */ {stStart, stNormal, stNormal, stNormal, stNormal, stNormal, stNormal, stNormal},
	/* EXPLAIN */ {stStart, stExplain, stExplain, stNormal, stCreate, stNormal, stNormal, stNormal},
	/* CREATE  */ {stStart, stCreate, stNormal, stNormal, stNormal, stCreate, stTrigger, stNormal},
	/* TRIGGER */ {stSemi, stTrigger, stTrigger, stTrigger, stTrigger, stTrigger, stTrigger, stTrigger},
	/* SEMI    */ {stSemi, stSemi, stTrigger, stTrigger, stTrigger, stTrigger, stTrigger, stEnd},
	/* END     */ {stStart, stEnd, stTrigger, stTrigger, stTrigger, stTrigger, stTrigger, stTrigger},
}

// completeToken returns the kind and length of the token at the start of
// text, or a length of -1 when the token does not end.
func completeToken(text string) (tok, n int) {
	switch c := text[0]; {
	case c == ';':
		return tkSemi, 1
	case c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r':
		return tkWS, 1
	case strings.HasPrefix(text, "/*"):
		end := strings.Index(text[2:], "*/")
		if end < 0 {
			return tkWS, -1
		}
		return tkWS, end + 4
	case strings.HasPrefix(text, "--"):
		end := strings.IndexByte(text, '\n')
		if end < 0 {
			return tkWS, len(text)
		}
		return tkWS, end + 1
	case c == '[':
		return quoted(text, ']')
	case c == '`' || c == '"' || c == '\'':
		return quoted(text, c)
	case idChar(c):
		n := 1
		for n < len(text) && idChar(text[n]) {
			n++
		}
		return keyword(text[:n]), n
	}
	return tkOther, 1
}

// quoted is a string or a quoted name, which runs to the closing quote.
func quoted(text string, closing byte) (tok, n int) {
	end := strings.IndexByte(text[1:], closing)
	if end < 0 {
		return tkOther, -1
	}
	return tkOther, end + 2
}

// idChar reports whether c may be part of an identifier, as SQLite's
// tokenizer sees it.
func idChar(c byte) bool {
	return c >= 0x80 || c == '_' || c == '$' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// keyword is the token of a word the state machine cares about.
func keyword(w string) int {
	switch {
	case strings.EqualFold(w, "create"):
		return tkCreate
	case strings.EqualFold(w, "trigger"):
		return tkTrigger
	case strings.EqualFold(w, "temp"), strings.EqualFold(w, "temporary"):
		return tkTemp
	case strings.EqualFold(w, "end"):
		return tkEnd
	case strings.EqualFold(w, "explain"):
		return tkExplain
	}
	return tkOther
}
