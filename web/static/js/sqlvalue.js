// sqlvalue.js: SQLite values as text, the way SQLite writes them (package
// sqlfmt in Go): a REAL always reads as a REAL, 7.0 and not 7. JSON cannot
// tell a REAL holding a whole number from an INTEGER, so a result statement
// lists those values' positions in `reals` (row * columns + column); see
// isReal. The vectors in testdata/values.json hold both twins alike.

// formatReal writes a REAL as SQLite converts it to TEXT: 15 significant
// digits when they read back as the same number, else 17; a decimal point
// always; exponent form below 1e-4 and from 1e17, with at least two
// exponent digits.
export function formatReal(f) {
  if (f === Infinity) return "Inf";
  if (f === -Infinity) return "-Inf";
  if (Number.isNaN(f)) return "NaN";
  if (f === 0) return "0.0";
  let s = f.toExponential(14);
  if (Number(s) !== f) s = f.toExponential(16);
  let [mant, exp] = s.split("e");
  const e = Number(exp);
  let sign = "";
  if (mant[0] === "-") [sign, mant] = ["-", mant.slice(1)];
  const digits = mant.replace(".", "").replace(/0+$/, "") || "0";
  if (e < -4 || e >= 17) {
    return `${sign}${pointed(digits, 1)}e${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  }
  if (e < 0) return `${sign}0.${"0".repeat(-e - 1)}${digits}`;
  return sign + pointed(digits, e + 1);
}

// pointed puts a decimal point after the first n digits, padding with
// zeros, and a 0 after a point with nothing behind it.
function pointed(digits, n) {
  const d = digits.padEnd(n, "0");
  return `${d.slice(0, n)}.${d.slice(n) || "0"}`;
}

// formatNumber writes a number: a bigint or an INTEGER as digits, a REAL
// (real is true, or the value has a fraction or is beyond the integers)
// as formatReal does.
export function formatNumber(v, real) {
  if (typeof v === "bigint") return String(v);
  if (real || !Number.isSafeInteger(v)) return formatReal(v);
  return String(v);
}

// isReal returns a function telling whether the value at (row, column) of
// st is a REAL, from st.reals.
export function isReal(st) {
  const reals = new Set(st.reals ?? []);
  const width = st.columns ? st.columns.length : 0;
  return (row, column) => reals.has(row * width + column);
}
