// The wasm boundary, checked rather than mirrored: every class, method, function and enum value
// that web/src/runner/module-types.ts declares exists in the module with the same number of
// parameters and the same numbers, and the module binds nothing the types leave out. The types
// are read with the TypeScript compiler; arities come from Embind's own checks (a call with
// the wrong number of arguments throws before anything runs, saying how many it expects).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';
import { loadReadforge } from '../../dist/node/load-module.js';
import { ROOT } from './helpers.mjs';

const TYPES = join(ROOT, 'web/src/runner/module-types.ts');

/** Interfaces (members with their parameter counts) and constant objects of the types file. */
function declarations() {
  const source = ts.createSourceFile(TYPES, readFileSync(TYPES, 'utf8'), ts.ScriptTarget.ES2022);
  const interfaces = new Map();
  const constants = new Map();
  for (const node of source.statements) {
    if (ts.isInterfaceDeclaration(node)) {
      const members = [];
      for (const m of node.members) {
        const name = m.name?.getText(source);
        if (ts.isMethodSignature(m))
          members.push({ name, kind: 'method', params: m.parameters.length });
        else if (ts.isPropertySignature(m) && m.type && ts.isConstructorTypeNode(m.type))
          members.push({
            name,
            kind: 'class',
            params: m.type.parameters.length,
            instance: m.type.type.getText(source),
          });
        else if (ts.isPropertySignature(m)) members.push({ name, kind: 'property' });
      }
      interfaces.set(node.name.text, members);
    }
    if (ts.isVariableStatement(node)) {
      for (const d of node.declarationList.declarations) {
        let init = d.initializer;
        if (init && ts.isAsExpression(init)) init = init.expression;
        if (!init || !ts.isObjectLiteralExpression(init)) continue;
        const values = {};
        for (const p of init.properties)
          if (ts.isPropertyAssignment(p) && ts.isNumericLiteral(p.initializer))
            values[p.name.getText(source)] = Number(p.initializer.text);
        constants.set(d.name.getText(source), values);
      }
    }
  }
  return { interfaces, constants };
}

/** How many arguments Embind says `call` expects (it is called with far too many). */
function arity(call) {
  try {
    call(...Array(17).fill(0));
  } catch (error) {
    const match = /expected (\d+) args|expected \(([\d,]+)\) parameters/.exec(error.message);
    if (match) return Number(match[1] ?? match[2]);
    throw error;
  }
  throw new Error('a call with 17 arguments was taken');
}

// Constructor arguments for an instance of each class (a class the types add needs one here).
const CONSTRUCT = {
  Simulator: [[], {}],
  ContigScanner: ['', false],
  ContigDigester: [],
  CommunityJoiner: [],
  ProfileLearner: [],
  FragmentLearner: [],
  RunMerger: [[]],
  BamIndexAssembler: ['', ''],
  Evaluation: [5, false, false],
};
// What Embind gives every class and the module besides readforge's bindings.
const EMBIND_METHODS = new Set([
  'constructor',
  'isAliasOf',
  'clone',
  'delete',
  'isDeleted',
  'deleteLater',
]);
const EMBIND_FUNCTIONS = new Set([
  'BindingError',
  'InternalError',
  'UnboundTypeError',
  'getInheritedInstanceCount',
  'getLiveInheritedInstances',
  'flushPendingDeletes',
  'setDelayFunction',
  'count_emval_handles',
  'get_first_emval',
  'run',
]);

test('every class, method, function and enum value declared exists with its shape', async () => {
  const module = await loadReadforge();
  const { interfaces, constants } = declarations();
  const top = interfaces.get('ReadforgeModule');
  assert.ok(top.length > 10, 'ReadforgeModule read from the types');
  const declaredOnModule = new Set(top.map((m) => m.name));
  for (const member of top) {
    const where = `ReadforgeModule.${member.name}`;
    assert.ok(member.name in module, `${where} is not in the module`);
    if (member.kind === 'method') {
      assert.equal(typeof module[member.name], 'function', where);
      assert.equal(
        arity((...a) => module[member.name](...a)),
        member.params,
        `${where}: parameters`,
      );
    }
    if (member.kind !== 'class') continue;
    const Class = module[member.name];
    assert.equal(
      arity((...a) => new Class(...a)),
      member.params,
      `${where}: constructor`,
    );
    assert.ok(CONSTRUCT[member.name], `${where}: add its constructor arguments to CONSTRUCT`);
    const instance = new Class(...CONSTRUCT[member.name]);
    const methods = interfaces.get(member.instance).filter((m) => m.kind === 'method');
    for (const method of methods) {
      const name = `${member.instance}.${method.name}`;
      assert.equal(typeof instance[method.name], 'function', `${name} is not bound`);
      if (method.name === 'delete') continue;
      const bound = instance[method.name];
      assert.equal(
        arity((...a) => bound.apply(instance, a)),
        method.params,
        `${name}: parameters`,
      );
    }
    // Nothing bound that the types leave out.
    const declared = new Set(methods.map((m) => m.name));
    const extra = Object.getOwnPropertyNames(Class.prototype).filter(
      (n) => !EMBIND_METHODS.has(n) && !declared.has(n),
    );
    assert.deepEqual(extra, [], `${member.name}: bound but not declared in the types`);
    instance.delete();
  }
  const extraFunctions = Object.keys(module).filter(
    (k) =>
      typeof module[k] === 'function' &&
      !k.startsWith('_') &&
      !k.startsWith('dynCall') &&
      !EMBIND_FUNCTIONS.has(k) &&
      !declaredOnModule.has(k) &&
      !constants.has(k),
  );
  assert.deepEqual(extraFunctions, [], 'functions bound but not declared in the types');
  // The enums: the types' numbers are the bindings'.
  for (const name of ['RunState', 'OutputStream']) {
    const declared = constants.get(name);
    assert.ok(declared && Object.keys(declared).length > 0, `${name} declared`);
    const bound = Object.fromEntries(
      Object.entries(module[name])
        .filter(([k]) => k !== 'values')
        .map(([k, v]) => [k, v.value]),
    );
    assert.deepEqual(declared, bound, `${name}: the types' values against the bindings'`);
  }
});
