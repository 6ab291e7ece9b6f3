package engine

import (
	"context"
	"strings"
)

// PlanNode is one step of a query plan, with the steps nested under it.
type PlanNode struct {
	ID       int64      `json:"id"`
	Parent   int64      `json:"parent"`
	Detail   string     `json:"detail"`
	Children []PlanNode `json:"children"`
}

// QueryPlan explains how SQLite would run the first statement of sql,
// without running it, as a tree of steps. The error is an *Error
// positioned in sql.
//
// https://sqlite.org/eqp.html
func (s *Session) QueryPlan(ctx context.Context, sql string) ([]PlanNode, error) {
	const prefix = "explain query plan "
	trimmed := strings.TrimLeft(sql, " \t\r\n")
	chunk := trimmed[:statementEnd(trimmed)]
	var first string
	err := s.guard(ctx, func() error {
		stmt, tail, err := s.conn.Prepare(chunk)
		if err != nil || stmt == nil {
			return prepareError(err)
		}
		first = chunk[:len(chunk)-len(tail)]
		closeStmt(stmt)
		return nil
	})
	if err != nil {
		return nil, s.newError(ctx, err, sql, len(sql)-len(trimmed)+len(chunk), len(sql)-len(trimmed), 0)
	}
	if first == "" {
		return []PlanNode{}, nil
	}
	res := s.Exec(ctx, prefix+first)
	if e := res.Error; e != nil {
		e.Offset = max(0, e.Offset-len(prefix)) + len(sql) - len(trimmed)
		e.Line, e.Column = position(sql, e.Offset)
		return nil, e
	}
	if len(res.Statements) == 0 {
		return []PlanNode{}, nil
	}
	return planTree(res.Statements[0].Rows, 0), nil
}

// planTree nests the rows (id, parent, notused, detail) whose parent is
// parent, in their order.
func planTree(rows []Row, parent int64) []PlanNode {
	nodes := []PlanNode{}
	for _, r := range rows {
		if integer(r[1]) != parent {
			continue
		}
		id := integer(r[0])
		nodes = append(nodes, PlanNode{ID: id, Parent: parent, Detail: text(r[3]), Children: planTree(rows, id)})
	}
	return nodes
}
