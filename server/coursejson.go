package main

import (
	"encoding/json"
	"fmt"

	"github.com/dbtour/dbtour/lessons"
)

// courseJSONPath is the URL path of the course's description for the
// hand-in script: the course's version and, for each lesson the front
// page lists, its exercises with their starting SQL. It is a page like
// any other: served, exported and kept offline.
const courseJSONPath = "/course.json"

// courseJSON is what courseJSONPath holds.
type courseJSON struct {
	Version string             `json:"version"`
	Title   string             `json:"title"`
	Lessons []courseJSONLesson `json:"lessons"`
}

// courseJSONLesson is one lesson of courseJSON.
type courseJSONLesson struct {
	Slug      string               `json:"slug"`
	Title     string               `json:"title"`
	Hidden    bool                 `json:"hidden,omitempty"`
	Exercises []courseJSONExercise `json:"exercises"`
}

// courseJSONExercise is an exercise: its cell's index and starting SQL.
type courseJSONExercise struct {
	Cell   int    `json:"cell"`
	Source string `json:"source"`
}

// describeCourse writes courseJSON for c: every lesson, hidden ones
// marked (a hidden lesson's page hands in its own exercises).
func describeCourse(c *lessons.Course) ([]byte, error) {
	d := courseJSON{Version: c.Version, Title: c.Title, Lessons: []courseJSONLesson{}}
	if d.Title == "" {
		d.Title = indexView(c, "").Title
	}
	for _, l := range c.Lessons {
		cl := courseJSONLesson{Slug: l.Slug, Title: l.Title, Hidden: l.Hidden, Exercises: []courseJSONExercise{}}
		for i, cell := range l.Cells() {
			if cell.Kind == lessons.Exercise {
				cl.Exercises = append(cl.Exercises, courseJSONExercise{Cell: i, Source: cell.Source})
			}
		}
		d.Lessons = append(d.Lessons, cl)
	}
	b, err := json.Marshal(d)
	if err != nil {
		return nil, fmt.Errorf("course.json: %w", err)
	}
	return b, nil
}
