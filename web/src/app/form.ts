// The options form: builds its controls from fields.ts, reads them as engine settings, and
// reports each field's problem next to it, checked by the engine itself (checkSettings) so the
// rules and words are the command line's.
import type { ReadforgeModule, Setting } from '../runner/module-types.js';
import { COMPANIONS } from '../shared/run-options.js';
import { ADVANCED_FIELDS, AMOUNT_FIELDS, Field, MUTATION_FIELDS, READ_FIELDS } from './fields.js';

type Control = HTMLInputElement | HTMLSelectElement;

export class OptionsForm {
  private readonly inputs = new Map<string, Control>();
  private readonly errors = new Map<string, HTMLElement>();
  private readonly lists = new Set<string>();
  private readonly optional = new Set<string>();

  constructor(
    private readonly root: HTMLElement,
    private readonly module: ReadforgeModule,
  ) {
    this.group('amount', 'How many reads', AMOUNT_FIELDS);
    this.group('reads', 'Reads and fragments', READ_FIELDS);
    this.group('mutations', 'Mutations (truth in the VCF)', MUTATION_FIELDS);
    this.group('advanced', 'Advanced', ADVANCED_FIELDS);
    this.input('seed').value = randomSeed();
    const newSeed = document.createElement('button');
    newSeed.type = 'button';
    newSeed.textContent = 'New seed';
    newSeed.className = 'secondary';
    newSeed.addEventListener('click', () => {
      this.input('seed').value = randomSeed();
      this.validate();
    });
    this.input('seed').after(newSeed);
    root.addEventListener('input', () => this.validate());
    root.addEventListener('change', () => this.validate());
  }

  input(name: string): HTMLInputElement {
    return this.inputs.get(name)! as HTMLInputElement;
  }

  get amountMode(): 'pairs' | 'coverage' {
    const checked = this.root.querySelector<HTMLInputElement>('input[name="amount-mode"]:checked');
    return checked?.value === 'coverage' ? 'coverage' : 'pairs';
  }

  set amountMode(mode: 'pairs' | 'coverage') {
    this.root.querySelector<HTMLInputElement>(
      `input[name="amount-mode"][value="${mode}"]`,
    )!.checked = true;
    this.syncAmount();
  }

  /** The settings the engine takes, in a fixed order. */
  settings(): Setting[] {
    const out: Setting[] = [];
    for (const [name, input] of this.inputs) {
      if (name === (this.amountMode === 'pairs' ? 'coverage' : 'pairs')) continue;
      if (input instanceof HTMLSelectElement && !input.value) continue; // a choice of none
      if (this.optional.has(name) && !valueOf(input)) continue; // left out when blank
      if (this.lists.has(name)) for (const word of words(valueOf(input))) out.push([name, word]);
      else out.push([name, valueOf(input)]);
    }
    return out;
  }

  /** Fills the form from settings (a shared link). Unknown names are ignored. */
  load(settings: Setting[]): void {
    for (const name of this.lists) this.input(name).value = '';
    for (const [name, value] of settings) {
      const input = this.inputs.get(name);
      if (!input) continue;
      if (this.lists.has(name)) {
        input.value = [input.value, value].filter(Boolean).join(' ');
        continue;
      }
      if (input instanceof HTMLInputElement && input.type === 'checkbox')
        input.checked = value === '1';
      else input.value = value;
      if (name === 'pairs' || name === 'coverage') this.amountMode = name;
    }
    this.validate();
  }

  /** Checks every field alone, then the whole; returns true when all is well. */
  validate(): boolean {
    let ok = true;
    for (const [name, input] of this.inputs) {
      const error = this.errors.get(name)!;
      const value = valueOf(input);
      const optional =
        name === 'seed' ||
        input instanceof HTMLSelectElement ||
        this.lists.has(name) ||
        this.optional.has(name);
      const alone: Setting[] = this.lists.has(name)
        ? words(value).map((word) => [name, word])
        : [...(COMPANIONS[name] ?? []), [name, value]];
      const problem =
        input.disabled || value === '' // (blank: required, or left out)
          ? ''
          : this.module.checkSettings(alone, false);
      const message = value === '' && !optional && !input.disabled ? 'required' : problem;
      error.textContent = message;
      input.setAttribute('aria-invalid', message ? 'true' : 'false');
      ok &&= !message;
    }
    // (The run panel holds it, outside the form.)
    const whole = document.querySelector<HTMLElement>('#form-error')!;
    whole.textContent = ok ? this.module.checkSettings(this.settings(), false) : '';
    return ok && !whole.textContent;
  }

  private syncAmount(): void {
    const mode = this.amountMode;
    this.input('pairs').disabled = mode !== 'pairs';
    this.input('coverage').disabled = mode !== 'coverage';
  }

  private group(id: string, title: string, fields: Field[]): void {
    const set = document.createElement('fieldset');
    set.id = `group-${id}`;
    const legend = document.createElement('legend');
    legend.textContent = title;
    set.append(legend);
    if (id === 'amount') {
      set.append(
        radio('pairs', 'A number of read pairs', true),
        radio('coverage', 'A fold coverage', false),
      );
      set.addEventListener('change', () => this.syncAmount());
    }
    for (const field of fields) set.append(this.control(field));
    if (id === 'advanced') {
      // Collapsed: the seed, the block size and -A are rarely changed.
      const details = document.createElement('details');
      details.id = 'advanced';
      const summary = document.createElement('summary');
      summary.textContent =
        'Advanced: seed, block size, Ns per read, quality binning, adapters, GC bias, duplicates, UMIs';
      legend.remove();
      details.append(summary, set);
      this.slot(id).replaceWith(details);
      return;
    }
    this.slot(id).replaceWith(set);
    if (id === 'amount') queueMicrotask(() => this.syncAmount());
  }

  /** Where a group goes in the page: index.html orders the form by what a person decides first. */
  private slot(id: string): HTMLElement {
    return this.root.querySelector<HTMLElement>(`#slot-${id}`)!;
  }

  private control(field: Field): HTMLElement {
    const row = document.createElement('div');
    row.className = `field ${field.kind}`;
    const id = `opt-${field.name}`;
    const label = document.createElement('label');
    label.htmlFor = id;
    label.innerHTML = `${field.label}${field.letter ? ` <code title="wgsim flag">-${field.letter}</code>` : ''}`;
    const input: Control =
      field.kind === 'choice' ? document.createElement('select') : document.createElement('input');
    input.id = id;
    input.name = field.name;
    if (input instanceof HTMLSelectElement) {
      for (const [value, text] of field.choices ?? []) input.add(new Option(text, value));
      input.value = field.value;
    } else if (field.kind === 'switch') {
      input.type = 'checkbox';
      input.checked = field.value === '1';
    } else {
      input.type = 'text';
      input.inputMode =
        field.kind === 'list' || field.kind === 'text'
          ? 'text'
          : field.step === '1'
            ? 'numeric'
            : 'decimal';
      input.value = field.value;
      input.autocomplete = 'off';
    }
    const hint = document.createElement('small');
    hint.id = `${id}-hint`;
    hint.textContent = field.hint;
    const error = document.createElement('span');
    error.className = 'error';
    error.id = `${id}-error`;
    error.setAttribute('aria-live', 'polite');
    input.setAttribute('aria-describedby', `${hint.id} ${error.id}`);
    if (field.kind === 'switch') row.append(input, label, hint, error);
    else row.append(label, input, hint, error);
    this.inputs.set(field.name, input);
    this.errors.set(field.name, error);
    if (field.kind === 'list') this.lists.add(field.name);
    if (field.optional) this.optional.add(field.name);
    return row;
  }
}

function words(text: string): string[] {
  return text.split(/[\s,]+/).filter(Boolean);
}

function valueOf(input: Control): string {
  if (input instanceof HTMLInputElement && input.type === 'checkbox')
    return input.checked ? '1' : '0';
  return input.value.trim();
}

function radio(value: string, text: string, checked: boolean): HTMLElement {
  const label = document.createElement('label');
  label.className = 'choice';
  const input = document.createElement('input');
  input.type = 'radio';
  input.name = 'amount-mode';
  input.value = value;
  input.checked = checked;
  label.append(input, ` ${text}`);
  return label;
}

function randomSeed(): string {
  const words = crypto.getRandomValues(new Uint32Array(2));
  return ((BigInt(words[0]) << 32n) | BigInt(words[1])).toString();
}
