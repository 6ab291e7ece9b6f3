// store.js: the reader's edits, solved exercises and visited lessons, kept
// in localStorage so they survive a reload. Storage may be unavailable (private mode, full quota): then
// edits simply last as long as the page.

// key names a cell of the current page.
function key(index) {
  return keyAt(location.pathname, index);
}

// keyAt names cell index of the page at path.
function keyAt(path, index) {
  return `dbtour:${path}:cell:${index}`;
}

// loadEditAt returns the reader's text for cell index of the page at path
// (another page's, for a hand-in of the whole course), or null.
export function loadEditAt(path, index) {
  try {
    return localStorage.getItem(keyAt(path, index));
  } catch {
    return null;
  }
}

// loadEdit returns the reader's text for cell index, or null.
export function loadEdit(index) {
  try {
    return localStorage.getItem(key(index));
  } catch {
    return null;
  }
}

// saveEdit keeps text for cell index; the original text is not stored.
export function saveEdit(index, text, original) {
  try {
    if (text === original) localStorage.removeItem(key(index));
    else localStorage.setItem(key(index), text);
  } catch (err) {
    console.warn("dbtour: cannot keep your edit:", err);
  }
}

// stoppedKey names the text of cell index that was stopped or ran out of
// time, which the page's warm-up must not run again.
function stoppedKey(index) {
  return `dbtour:${location.pathname}:stopped:${index}`;
}

// loadStopped returns the text of cell index that was stopped, or null.
export function loadStopped(index) {
  try {
    return localStorage.getItem(stoppedKey(index));
  } catch {
    return null;
  }
}

// saveStopped remembers text as stopped for cell index; null forgets it.
export function saveStopped(index, text) {
  try {
    if (text === null) localStorage.removeItem(stoppedKey(index));
    else localStorage.setItem(stoppedKey(index), text);
  } catch (err) {
    console.warn("dbtour: cannot keep a stopped cell:", err);
  }
}

// loadTieredUp reports whether the engine at path had its hot code
// exercised in this browser already (see tierup.js).
export function loadTieredUp(path) {
  try {
    return localStorage.getItem(`dbtour:tiered-up:${path}`) === "1";
  } catch {
    return false;
  }
}

// saveTieredUp remembers that the engine at path had its hot code exercised.
export function saveTieredUp(path) {
  try {
    localStorage.setItem(`dbtour:tiered-up:${path}`, "1");
  } catch (err) {
    console.warn("dbtour: cannot keep the engine's state:", err);
  }
}

// solvedKey names the solved mark of an exercise cell of this page.
function solvedKey(index, path = location.pathname) {
  return `dbtour:${path}:solved:${index}`;
}

// loadSolvedAt reports whether the reader solved exercise cell index of
// the page at path.
export function loadSolvedAt(path, index) {
  try {
    return localStorage.getItem(solvedKey(index, path)) === "1";
  } catch {
    return false;
  }
}

// nameKey names the reader's name, typed once for their hand-ins.
const nameKey = "dbtour:name";

// loadName returns the name the reader gave for hand-ins, or "".
export function loadName() {
  try {
    return localStorage.getItem(nameKey) ?? "";
  } catch {
    return "";
  }
}

// saveName keeps the reader's name for their next hand-in.
export function saveName(name) {
  try {
    localStorage.setItem(nameKey, name);
  } catch (err) {
    console.warn("dbtour: cannot keep your name:", err);
  }
}

// loadSolved reports whether the reader solved exercise cell index.
export function loadSolved(index) {
  try {
    return localStorage.getItem(solvedKey(index)) === "1";
  } catch {
    return false;
  }
}

// saveSolved remembers that the reader solved exercise cell index.
export function saveSolved(index) {
  try {
    localStorage.setItem(solvedKey(index), "1");
  } catch (err) {
    console.warn("dbtour: cannot keep your progress:", err);
  }
}

// visitedKey names the visited mark of the page at path.
function visitedKey(path) {
  return `dbtour:${path}:visited`;
}

// markVisited remembers that the reader opened this page.
export function markVisited() {
  try {
    localStorage.setItem(visitedKey(location.pathname), "1");
  } catch (err) {
    console.warn("dbtour: cannot keep your progress:", err);
  }
}

// progress returns what the reader did on the page at path: whether they
// visited it and how many of its exercises they solved.
export function progress(path) {
  try {
    const prefix = `dbtour:${path}:solved:`;
    let solved = 0;
    for (let i = 0; i < localStorage.length; i++) {
      if (localStorage.key(i).startsWith(prefix)) solved++;
    }
    return { visited: localStorage.getItem(visitedKey(path)) === "1", solved };
  } catch {
    return { visited: false, solved: 0 };
  }
}
