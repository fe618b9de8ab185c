import { didYouMean } from './did-you-mean.js';
const TYPE_NAMES = {
    string: 'a string',
    array: 'a list',
    object: 'a mapping',
    integer: 'an integer',
    number: 'a number',
    boolean: 'true or false',
    null: 'empty',
};
/**
 * The one error worth showing. ajv reports an `if` keyword beside the branch that failed; the
 * branch says what is wrong, so `if` entries are dropped.
 */
export function firstError(errors) {
    return errors?.find((e) => e.keyword !== 'if') ?? errors?.[0];
}
export function pointerToPath(pointer) {
    if (pointer === '')
        return [];
    return pointer
        .split('/')
        .slice(1)
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
        .map((s) => (/^(0|[1-9]\d*)$/.test(s) ? Number(s) : s));
}
/** Turns an ajv error (from a validator compiled with `verbose: true`) into a message and place. */
export function describeAjvError(err, subject) {
    const path = pointerToPath(err.instancePath);
    const what = subject(path);
    const params = err.params;
    const parent = (err.parentSchema ?? {});
    switch (err.keyword) {
        case 'additionalProperties': {
            const key = String(params.additionalProperty);
            const known = Object.keys(parent.properties ?? {});
            return { path: [...path, key], part: 'key', message: `Unknown key "${key}" in ${what}${didYouMean(key, known)}` };
        }
        case 'required':
            return { path, part: 'value', message: `${capitalize(what)} is missing "${String(params.missingProperty)}"` };
        case 'enum': {
            const allowed = params.allowedValues.map(String);
            const hint = typeof err.data === 'string' ? didYouMean(err.data, allowed) : '';
            return { path, part: 'value', message: `${capitalize(what)} must be one of ${allowed.join(', ')}${hint}` };
        }
        case 'type': {
            const types = (Array.isArray(params.type) ? params.type : String(params.type).split(','));
            const names = types.map((t) => TYPE_NAMES[t] ?? t);
            return { path, part: 'value', message: `${capitalize(what)} must be ${names.join(' or ')}` };
        }
        case 'minItems':
        case 'maxItems':
        case 'additionalItems': {
            const n = Number(params.limit);
            const bound = err.keyword === 'minItems' ? 'at least' : 'at most';
            return { path, part: 'value', message: `${capitalize(what)} must have ${bound} ${n} ${n === 1 ? 'item' : 'items'}` };
        }
        case 'minLength':
            return { path, part: 'value', message: `${capitalize(what)} must not be empty` };
        case 'pattern':
        case 'format': {
            const description = typeof parent.description === 'string' ? parent.description : `matching ${String(params.pattern ?? params.format)}`;
            return { path, part: 'value', message: `${capitalize(what)} must be ${description}` };
        }
        case 'propertyNames': {
            const name = String(params.propertyName);
            return { path: [...path, name], part: 'key', message: `Key "${name}" in ${what} is not a valid name` };
        }
        default:
            return { path, part: 'value', message: `${capitalize(what)} ${err.message ?? 'is not valid'}` };
    }
}
/** `stacks.prod.files[0]`, quoting keys that are not plain words (`budgets["services.api"]`). */
export function dottedPath(path) {
    let out = '';
    for (const seg of path) {
        if (typeof seg === 'number')
            out += `[${seg}]`;
        else if (/^[\w-]+$/.test(seg))
            out += out === '' ? seg : `.${seg}`;
        else
            out += `[${JSON.stringify(seg)}]`;
    }
    return out;
}
/** Prose subjects ("the config") start a sentence capitalised; paths (`rules.x`) stay as written. */
function capitalize(s) {
    return /^[a-z]+ /.test(s) ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}
