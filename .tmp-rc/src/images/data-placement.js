import { normalize } from './known-images.js';
export function placeData(path, mounts, imageVolumes) {
    const dir = normalize(path);
    let best;
    const consider = (target, placement) => {
        if (!contains(target, dir))
            return;
        if (!best || target.length > best.target.length)
            best = { target, placement };
    };
    const targets = new Set();
    for (const mount of mounts) {
        const target = normalize(mount.target);
        targets.add(target);
        consider(target, classify(mount));
    }
    for (const v of imageVolumes) {
        const target = normalize(v);
        if (!targets.has(target))
            consider(target, { kind: 'image-volume', volume: target });
    }
    return best?.placement ?? { kind: 'container-layer' };
}
function classify(mount) {
    switch (mount.type) {
        case 'bind':
            return { kind: 'bind', mount };
        case 'volume':
            return mount.source ? { kind: 'named', mount } : { kind: 'anonymous', mount };
        case 'tmpfs':
            return { kind: 'tmpfs', mount };
        default:
            return { kind: 'other', mount };
    }
}
/** `parent` is `child` or one of its ancestors. */
export function contains(parent, child) {
    const p = normalize(parent);
    const c = normalize(child);
    return p === c || p === '/' || c.startsWith(`${p}/`);
}
