package course

import "time"

// LessonTimeLimit bounds each statement of a lesson's own cells, natively
// when the server precomputes a page or checks a course, and in the
// reader's browser, which reads it from the page: far above what any cell
// needs on the machine its author used, because a slow phone runs the
// engine several times slower and a busy server more slowly still, and a
// lesson's own cell cut short would show the reader a wrong result. The
// reader's own edits keep the engine's default (engine.DefaultTimeLimit).
const LessonTimeLimit = time.Minute
