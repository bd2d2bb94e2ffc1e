// The webview benchmark's timer, sent as a WebDriver async script so that it
// runs in the page and the WebDriver round trip is not counted. It is given
// one action and one wait: it notes the time, acts (a click, a select's new
// value with 'change', or an input's new text with 'input'), waits until the
// page shows the answer, then waits two animation frames so the answer has
// been painted, and returns the milliseconds taken, or why it could not.
//
// The waits:
// - "answer": the element's data-answer attribute, which the page raises by
//   one each time it shows a new answer from the core, must go above what it
//   was before the action (0 when the element was not there yet, as on a
//   screen just opened);
// - "present": at least `min` elements match the selector.
const spec = arguments[0];
const done = arguments[arguments.length - 1];
const { action, wait } = spec;

function answerOf(element) {
  if (element === null) return null;
  const text = element.getAttribute('data-answer');
  if (text === null) return null;
  const number = Number(text);
  return Number.isFinite(number) ? number : null;
}

function whyNotAnswered(before) {
  const element = document.querySelector(wait.selector);
  if (element === null) return `${wait.selector} never appeared`;
  const now = answerOf(element);
  if (now === null) {
    return `${wait.selector} has no numeric data-answer attribute: the page does not count its answers there yet`;
  }
  return `${wait.selector} kept data-answer at ${now} (it was ${before} before the action)`;
}

function run() {
  const before = wait.kind === 'answer' ? answerOf(document.querySelector(wait.selector)) ?? 0 : 0;
  if (wait.kind === 'answer') {
    const element = document.querySelector(wait.selector);
    if (element !== null && answerOf(element) === null) return done({ error: whyNotAnswered(before) });
  }
  const answered = () => {
    if (wait.kind === 'answer') {
      const now = answerOf(document.querySelector(wait.selector));
      return now !== null && now > before;
    }
    return document.querySelectorAll(wait.selector).length >= (wait.min ?? 1);
  };
  if (wait.kind === 'present' && answered()) {
    return done({ error: `${wait.selector} was on the page before the action, so it cannot show its answer` });
  }
  const target = document.querySelector(action.selector);
  if (target === null) return done({ error: `nothing on the page matches ${action.selector}` });

  let finished = false;
  let observer = null;
  let timer = null;
  const finish = (result) => {
    if (finished) return;
    finished = true;
    observer?.disconnect();
    clearTimeout(timer);
    done(result);
  };
  const started = performance.now();
  const check = () => {
    if (finished || !answered()) return;
    observer.disconnect();
    clearTimeout(timer);
    requestAnimationFrame(() => requestAnimationFrame(() => finish({ ms: performance.now() - started })));
  };
  observer = new MutationObserver(check);
  observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
  timer = setTimeout(() => {
    const why = wait.kind === 'answer'
      ? whyNotAnswered(before)
      : `fewer than ${wait.min ?? 1} of ${wait.selector} after ${spec.timeoutMs} ms`;
    finish({ error: `${why} (waited ${spec.timeoutMs} ms)` });
  }, spec.timeoutMs);

  if (action.kind === 'click') {
    target.click();
  } else if (action.kind === 'select') {
    target.value = action.value;
    if (target.value !== action.value) return finish({ error: `${action.selector} has no option ${action.value}` });
    target.dispatchEvent(new Event('change', { bubbles: true }));
  } else if (action.kind === 'type') {
    target.value = action.value;
    target.dispatchEvent(new Event('input', { bubbles: true }));
  } else {
    return finish({ error: `unknown action ${action.kind}` });
  }
  // An answer that needs no change to the page (a wait already met) still
  // counts from here.
  queueMicrotask(check);
}

try {
  run();
} catch (error) {
  done({ error: `the timing script failed: ${error}` });
}
