export function defineRule(rule) {
    return rule;
}
