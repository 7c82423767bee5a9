// Package browsertest drives the pages fzlint writes in a real browser:
// headless Chromium, through chromedp. The HTML report of each seed must
// highlight exactly the findings of the JSON output, scroll to a finding
// clicked in the list and hide what the filter turns off; the page of
// `fzlint serve` must take an upload through its file input, show the
// checklist and the highlights and hand over the annotated .docx.
// Screenshots of every page are written as test artefacts
// ($FZLINT_ARTIFACTS, else a directory under the system's temporary one).
// The tests skip, saying so, where Chromium is not installed
// (.ci/install-chromium.sh installs it).
package browsertest
