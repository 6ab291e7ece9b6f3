package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/a-h/templ"
	"github.com/dbtour/dbtour/lessons"
	"github.com/dbtour/dbtour/lessons/course"
	"github.com/dbtour/dbtour/wasm/engine"
	"github.com/dbtour/dbtour/wasm/runner"
	"github.com/dbtour/dbtour/web"
)

// lessonPath is the URL path of a lesson page.
func lessonPath(slug string) string {
	return "/lessons/" + slug + "/"
}

// playgroundPath is the URL path of the playground.
const playgroundPath = "/playground/"

// playgroundView is the playground page, one level below the root.
func playgroundView(version string) web.PlaygroundView {
	const root = "../"
	return web.PlaygroundView{Site: web.Site{Root: root, Assets: root + assetsDir(version)},
		Title: "Playground", Example: web.PlaygroundExample}
}

// assetsDir is the URL path, from the root, of the static assets of a
// version.
func assetsDir(version string) string {
	return "static/" + version + "/"
}

// renderPages renders every page of the course to HTML, keyed by URL path;
// pages link to the assets of the given version. A program cell naming no
// program fails it, as a malformed lesson fails loading.
func renderPages(ctx context.Context, c *lessons.Course, version string) (map[string][]byte, error) {
	if unknown := course.UnknownPrograms(c); len(unknown) > 0 {
		return nil, errors.New(strings.Join(unknown, "\n"))
	}
	pages := map[string][]byte{}
	index, err := renderHTML(ctx, web.IndexPage(indexView(c, version)))
	if err != nil {
		return nil, fmt.Errorf("index: %w", err)
	}
	pages["/"] = index
	if pages[playgroundPath], err = renderHTML(ctx, web.PlaygroundPage(playgroundView(version))); err != nil {
		return nil, fmt.Errorf("playground: %w", err)
	}
	for i, l := range c.Lessons {
		v, err := lessonView(ctx, c, i, version)
		if err != nil {
			return nil, fmt.Errorf("lesson %s: %w", l.Slug, err)
		}
		if pages[lessonPath(l.Slug)], err = renderHTML(ctx, web.LessonPage(v)); err != nil {
			return nil, fmt.Errorf("lesson %s: %w", l.Slug, err)
		}
	}
	return pages, nil
}

func renderHTML(ctx context.Context, c templ.Component) ([]byte, error) {
	var b bytes.Buffer
	if err := c.Render(ctx, &b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func indexView(c *lessons.Course, version string) web.IndexView {
	v := web.IndexView{Site: web.Site{Assets: assetsDir(version)}, Title: "Learn databases in your browser"}
	if c.Title != "" {
		v.Title = c.Title
	}
	for _, l := range c.Visible() {
		v.Lessons = append(v.Lessons, web.LessonLink{Href: lessonPath(l.Slug)[1:], Title: l.Title, Summary: l.Summary,
			Exercises: exercises(l), Part: l.Part})
	}
	return v
}

// exercises counts a lesson's exercise cells.
func exercises(l *lessons.Lesson) int {
	n := 0
	for _, b := range l.Blocks {
		if b.Cell != nil && b.Cell.Kind == lessons.Exercise {
			n++
		}
	}
	return n
}

// lessonView builds the view of lesson i, running its cells in page order
// on a fresh database so that the page carries every result.
func lessonView(ctx context.Context, c *lessons.Course, i int, version string) (web.LessonView, error) {
	l := c.Lessons[i]
	const root = "../../"
	v := web.LessonView{Site: web.Site{Root: root, Assets: root + assetsDir(version)}, Title: l.Title,
		TimeLimitMs: int(course.LessonTimeLimit.Milliseconds())}
	link := func(o *lessons.Lesson) *web.LessonLink {
		return &web.LessonLink{Href: root + lessonPath(o.Slug)[1:], Title: o.Title}
	}
	if i > 0 && !l.Hidden {
		v.Prev = link(c.Lessons[i-1])
	}
	if i+1 < len(c.Lessons) && !c.Lessons[i+1].Hidden {
		v.Next = link(c.Lessons[i+1])
	}
	s, err := engine.Open(engine.Options{TimeLimit: course.LessonTimeLimit})
	if err != nil {
		return v, err
	}
	defer s.Close()
	n := 0
	for _, b := range l.Blocks {
		if b.Cell == nil {
			v.Blocks = append(v.Blocks, web.BlockView{HTML: b.HTML})
			continue
		}
		cell, err := runCell(ctx, s, b.Cell, n, runner.Options{})
		if err != nil {
			return v, err
		}
		v.Blocks = append(v.Blocks, web.BlockView{Cell: cell})
		n++
	}
	return v, nil
}
