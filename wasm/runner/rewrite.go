//go:build !js || interp

package runner

import (
	"go/ast"
	"go/token"
	"strconv"
)

// guardPath and guardName are the import path and name under which an
// interpreted program reaches its guard.
const (
	guardPath = "dbtour.invalid/guard"
	guardName = "dbtourguard"
)

// addGuards rewrites f in place so that it calls its guard: Tick first in
// every loop body, a counted call (defer Enter()()) first in every
// function body, every go statement through Go, and every make's sizes
// through Size. Inserted nodes have no position, so the interpreter's
// messages keep pointing at the reader's own lines and columns.
func addGuards(f *ast.File) {
	f.Decls = append([]ast.Decl{&ast.GenDecl{Tok: token.IMPORT, Specs: []ast.Spec{&ast.ImportSpec{
		Name: ast.NewIdent(guardName),
		Path: &ast.BasicLit{Kind: token.STRING, Value: strconv.Quote(guardPath)},
	}}}}, f.Decls...)
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ForStmt:
			n.Body.List = append([]ast.Stmt{guardCall("Tick")}, n.Body.List...)
		case *ast.RangeStmt:
			n.Body.List = append([]ast.Stmt{guardCall("Tick")}, n.Body.List...)
		case *ast.FuncDecl:
			if n.Body != nil {
				n.Body.List = append(countCall(), n.Body.List...)
			}
		case *ast.FuncLit:
			n.Body.List = append(countCall(), n.Body.List...)
		case *ast.CallExpr:
			if id, ok := n.Fun.(*ast.Ident); ok && id.Name == "make" && id.Obj == nil {
				for i := 1; i < len(n.Args); i++ {
					n.Args[i] = sizeCall(n.Args[i])
				}
			}
		case *ast.BlockStmt:
			guardGoStmts(n.List)
		case *ast.CaseClause:
			guardGoStmts(n.Body)
		case *ast.CommClause:
			guardGoStmts(n.Body)
		}
		return true
	})
}

// guardCall is the statement dbtourguard.name().
func guardCall(name string) ast.Stmt {
	return &ast.ExprStmt{X: &ast.CallExpr{Fun: guardSel(name)}}
}

func guardSel(name string) ast.Expr {
	return &ast.SelectorExpr{X: ast.NewIdent(guardName), Sel: ast.NewIdent(name)}
}

// countCall is dbtourguard.Enter(); defer dbtourguard.Leave(), two
// statements: the interpreter would call Enter late in defer Enter()().
func countCall() []ast.Stmt {
	return []ast.Stmt{guardCall("Enter"), &ast.DeferStmt{Call: &ast.CallExpr{Fun: guardSel("Leave")}}}
}

// sizeCall is dbtourguard.Size(int(n)): any integer type converts.
func sizeCall(n ast.Expr) ast.Expr {
	return &ast.CallExpr{Fun: guardSel("Size"), Args: []ast.Expr{
		&ast.CallExpr{Fun: ast.NewIdent("int"), Args: []ast.Expr{n}},
	}}
}

// guardGoStmts replaces each go F(args) in list with
//
//	{ f, a0, a1 := F, args…; go dbtourguard.Go(func() { f(a0, a1) }) }
//
// which evaluates the function and its arguments where the go statement
// stands, as Go does, and runs the call under the guard, whose recover
// turns a panic into the run's error. A call with a nil argument (which
// := cannot hold) keeps its arguments inside the closure.
func guardGoStmts(list []ast.Stmt) {
	for i, s := range list {
		g, ok := s.(*ast.GoStmt)
		if !ok {
			continue
		}
		call := g.Call
		if isGuarded(call) {
			continue
		}
		if hasNilArg(call) {
			list[i] = &ast.GoStmt{Go: g.Go, Call: &ast.CallExpr{Fun: guardSel("Go"), Args: []ast.Expr{
				&ast.FuncLit{Type: &ast.FuncType{Params: &ast.FieldList{}}, Body: &ast.BlockStmt{List: []ast.Stmt{&ast.ExprStmt{X: call}}}},
			}}}
			continue
		}
		names := []ast.Expr{ast.NewIdent("dbtourGoFunc")}
		values := []ast.Expr{call.Fun}
		args := make([]ast.Expr, len(call.Args))
		for j, a := range call.Args {
			args[j] = ast.NewIdent("dbtourGoArg" + strconv.Itoa(j))
			names = append(names, args[j])
			values = append(values, a)
		}
		inner := &ast.CallExpr{Fun: ast.NewIdent("dbtourGoFunc"), Args: args, Ellipsis: call.Ellipsis}
		list[i] = &ast.BlockStmt{List: []ast.Stmt{
			&ast.AssignStmt{Lhs: names, Tok: token.DEFINE, Rhs: values},
			&ast.GoStmt{Go: g.Go, Call: &ast.CallExpr{Fun: guardSel("Go"), Args: []ast.Expr{
				&ast.FuncLit{Type: &ast.FuncType{Params: &ast.FieldList{}}, Body: &ast.BlockStmt{List: []ast.Stmt{&ast.ExprStmt{X: inner}}}},
			}}},
		}}
	}
}

// isGuarded reports whether call is already dbtourguard.Go(…).
func isGuarded(call *ast.CallExpr) bool {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	id, ok := sel.X.(*ast.Ident)
	return ok && id.Name == guardName && sel.Sel.Name == "Go"
}

func hasNilArg(call *ast.CallExpr) bool {
	for _, a := range call.Args {
		if id, ok := a.(*ast.Ident); ok && id.Name == "nil" {
			return true
		}
	}
	return false
}
