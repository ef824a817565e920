// The request page without round trips: selecting text in a post fills that post's "add a finding" form, and
// switching a finding on or off updates its marks and the preview at once. Everything here also works without
// the script, through the forms; the page's Content-Security-Policy allows only this file, no inline code.
'use strict';

(function () {
  /** The number of characters of the container's text before (node, offset): the offsets the server counts. */
  function offsetWithin(container, node, offset) {
    const range = document.createRange();
    range.setStart(container, 0);
    range.setEnd(node, offset);
    return range.toString().length;
  }

  function closestText(node) {
    const element = node && (node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement);
    return element ? element.closest('.post-text[data-location]') : null;
  }

  function fillFindingForm() {
    const selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return;
    const range = selection.getRangeAt(0);
    const container = closestText(range.startContainer);
    if (!container || container !== closestText(range.endContainer)) return;
    const form = document.getElementById(container.dataset.form || '');
    if (!form) return;
    const start = offsetWithin(container, range.startContainer, range.startOffset);
    const end = offsetWithin(container, range.endContainer, range.endOffset);
    if (end <= start) return;
    const text = container.textContent.slice(start, end);
    form.elements.namedItem('location').value = container.dataset.location;
    form.elements.namedItem('start').value = String(start);
    form.elements.namedItem('end').value = String(end);
    form.elements.namedItem('text').value = text;
    const details = form.closest('details');
    if (details) details.open = true;
    const status = document.getElementById(form.id + '-status');
    if (status) status.textContent = (status.dataset.template || 'Selected: {text}').replace('{text}', text.length > 80 ? text.slice(0, 77) + '…' : text);
  }

  document.addEventListener('mouseup', fillFindingForm);
  document.addEventListener('keyup', function (event) {
    if (event.shiftKey) fillFindingForm();
  });

  function escapeRegExp(value) {
    return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }

  /** The redaction's replacement (src/pii/redaction.ts replaceAllOccurrences): every copy, longest text first. */
  function redact(text, targets) {
    const replacements = new Map();
    targets
      .filter(function (t) { return t.text !== ''; })
      .sort(function (a, b) { return b.text.length - a.text.length; })
      .forEach(function (t) { if (!replacements.has(t.text)) replacements.set(t.text, t.placeholder); });
    if (replacements.size === 0) return text;
    const needles = Array.from(replacements.keys()).sort(function (a, b) { return b.length - a.length; });
    return text.replace(new RegExp(needles.map(escapeRegExp).join('|'), 'gu'), function (found) { return replacements.get(found) || found; });
  }

  function boxesOf(postId) {
    return Array.from(document.querySelectorAll('input[type=checkbox][name=findings]')).filter(function (box) {
      return box.dataset.post === postId;
    });
  }

  function refreshPost(postId) {
    const boxes = boxesOf(postId);
    const byId = new Map(boxes.map(function (box) { return [box.value, box]; }));
    document.querySelectorAll('.post-text[data-post="' + CSS.escape(postId) + '"] mark[data-findings]').forEach(function (mark) {
      const classes = mark.dataset.findings.split(' ').map(function (id) {
        const box = byId.get(id);
        if (!box || !box.checked) return 'off';
        return box.dataset.owner === 'requester' ? 'requester' : 'other';
      });
      mark.className = classes.indexOf('other') >= 0 ? 'other' : classes.indexOf('requester') >= 0 ? 'requester' : 'off';
    });
    const targets = boxes
      .filter(function (box) { return box.checked && box.dataset.text; })
      .map(function (box) { return { text: box.dataset.text, placeholder: box.dataset.placeholder }; });
    document.querySelectorAll('.post-text[data-post="' + CSS.escape(postId) + '"][data-location]').forEach(function (original) {
      document.querySelectorAll('.preview[data-preview-post="' + CSS.escape(postId) + '"]').forEach(function (preview) {
        if (preview.dataset.previewLocation === original.dataset.location) preview.textContent = redact(original.textContent, targets);
      });
    });
    const status = document.getElementById('approve-status');
    if (status) {
      const all = document.querySelectorAll('input[type=checkbox][name=findings]');
      const chosen = Array.from(all).filter(function (box) { return box.checked; }).length;
      status.textContent = (status.dataset.template || '{chosen} / {all}').replace('{chosen}', String(chosen)).replace('{all}', String(all.length));
    }
  }

  document.addEventListener('change', function (event) {
    const box = event.target;
    if (box instanceof HTMLInputElement && box.type === 'checkbox' && box.name === 'findings' && box.dataset.post) refreshPost(box.dataset.post);
  });
})();
