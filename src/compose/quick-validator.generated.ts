// Generated from schemas/compose.schema.json by src/compose/quick-validator-source.ts: do not edit.
// Regenerate: npx tsc -p . && node dist/src/compose/write-quick-validator.js
// @ts-nocheck
const validate: (data: unknown) => boolean = (function() {
'use strict'
const hasOwn = Function.prototype.call.bind(Object.prototype.hasOwnProperty);
const pattern0 = new RegExp("^[a-z0-9][a-z0-9_-]*$", "u");
const unique = (array) => {
  if (array.length < 2) return true
  if (array.length === 2) return !deepEqual(array[0], array[1])
  const objects = []
  const primitives = array.length > 20 ? new Set() : null
  let primitivesCount = 0
  let pos = 0
  for (const item of array) {
    if (typeof item === 'object') {
      objects.push(item)
    } else if (primitives) {
      primitives.add(item)
      if (primitives.size !== ++primitivesCount) return false
    } else {
      if (array.indexOf(item, pos + 1) !== -1) return false
    }
    pos++
  }
  for (let i = 1; i < objects.length; i++)
    for (let j = 0; j < i; j++) if (deepEqual(objects[i], objects[j])) return false
  return true
};
const deepEqual = (obj, obj2) => {
  if (obj === obj2) return true
  if (!obj || !obj2 || typeof obj !== typeof obj2) return false
  if (obj !== obj2 && typeof obj !== 'object') return false

  const proto = Object.getPrototypeOf(obj)
  if (proto !== Object.getPrototypeOf(obj2)) return false

  if (proto === Array.prototype) {
    if (!Array.isArray(obj) || !Array.isArray(obj2)) return false
    if (obj.length !== obj2.length) return false
    return obj.every((x, i) => deepEqual(x, obj2[i]))
  } else if (proto === Object.prototype) {
    const [keys, keys2] = [Object.keys(obj), Object.keys(obj2)]
    if (keys.length !== keys2.length) return false
    const keyset2 = new Set([...keys, ...keys2])
    return keyset2.size === keys.length && keys.every((key) => deepEqual(obj[key], obj2[key]))
  }
  return false
};
const ref3 = function validate(data) {
  if (!Array.isArray(data)) return false
  for (let j = 0; j < data.length; j++) {
    if (j in data && hasOwn(data, j)) {
      if (!(typeof data[j] === "string")) return false
    }
  }
  if (!unique(data)) return false
  return true
};
const ref2 = function validate(data) {
  const sub2 = (() => {
    if (!(typeof data === "string")) return false
    return true
  })()
  if (!sub2) {
    const sub3 = (() => {
      if (!ref3(data)) return false
      return true
    })()
    if (!sub3) return false
  }
  return true
};
const ref1 = function validate(data) {
  const sub0 = (() => {
    if (!(typeof data === "string")) return false
    return true
  })()
  if (!sub0) {
    const sub1 = (() => {
      if (!(typeof data === "object" && data && !Array.isArray(data))) return false
      if ("env_file" in data && hasOwn(data, "env_file")) {
        if (!ref2(data.env_file)) return false
      }
      if ("path" in data && hasOwn(data, "path")) {
        if (!ref2(data.path)) return false
      }
      if ("project_directory" in data && hasOwn(data, "project_directory")) {
        if (!(typeof data.project_directory === "string")) return false
      }
      for (const key0 of Object.keys(data)) {
        if (key0 !== "env_file" && key0 !== "path" && key0 !== "project_directory") return false
      }
      return true
    })()
    if (!sub1) return false
  }
  return true
};
const pattern1 = new RegExp("^(?!x-)[a-zA-Z0-9._-]+$", "u");
const ref5 = function validate(data) {
  const sub4 = (() => {
    if (!(typeof data === "object" && data && !Array.isArray(data))) return false
    for (const key2 of Object.keys(data)) {
      if (data[key2] !== undefined) {
        if (!(typeof data[key2] === "string" || typeof data[key2] === "number" || typeof data[key2] === "boolean" || data[key2] === null)) return false
      }
    }
    return true
  })()
  if (!sub4) {
    const sub5 = (() => {
      if (!Array.isArray(data)) return false
      for (let k = 0; k < data.length; k++) {
        if (k in data && hasOwn(data, k)) {
          if (!(typeof data[k] === "string")) return false
        }
      }
      if (!unique(data)) return false
      return true
    })()
    if (!sub5) return false
  }
  return true
};
const ref6 = function validate(data) {
  if (!(typeof data === "object" && data && !Array.isArray(data))) return false
  if ("path" in data && hasOwn(data, "path")) {
    if (!(typeof data.path === "string")) return false
  }
  if ("rate" in data && hasOwn(data, "rate")) {
    if (!(Number.isInteger(data.rate) || typeof data.rate === "string")) return false
  }
  for (const key3 of Object.keys(data)) {
    if (key3 !== "path" && key3 !== "rate") return false
  }
  return true
};
const ref7 = function validate(data) {
  if (!(typeof data === "object" && data && !Array.isArray(data))) return false
  if ("path" in data && hasOwn(data, "path")) {
    if (!(typeof data.path === "string")) return false
  }
  if ("weight" in data && hasOwn(data, "weight")) {
    if (!(Number.isInteger(data.weight) || typeof data.weight === "string")) return false
  }
  for (const key4 of Object.keys(data)) {
    if (key4 !== "path" && key4 !== "weight") return false
  }
  return true
};
const ref8 = function validate(data) {
  const sub8 = (() => {
    if (!(typeof data === "object" && data && !Array.isArray(data))) return false
    for (const key6 of Object.keys(data)) {
      if (data[key6] !== undefined) {
        const sub9 = (() => {
          if (!(typeof data[key6] === "string")) return false
          return true
        })()
        if (!sub9) {
          const sub10 = (() => {
            if (!(Array.isArray(data[key6]))) return false
            for (let t = 0; t < data[key6].length; t++) {
              if (t in data[key6] && hasOwn(data[key6], t)) {
                if (!(typeof data[key6][t] === "string")) return false
              }
            }
            return true
          })()
          if (!sub10) return false
        }
      }
    }
    return true
  })()
  if (!sub8) {
    const sub11 = (() => {
      if (!Array.isArray(data)) return false
      for (let u = 0; u < data.length; u++) {
        if (u in data && hasOwn(data, u)) {
          if (!(typeof data[u] === "string")) return false
        }
      }
      if (!unique(data)) return false
      return true
    })()
    if (!sub11) return false
  }
  return true
};
const ref9 = function validate(data) {
  if (!Array.isArray(data)) return false
  for (let x = 0; x < data.length; x++) {
    if (x in data && hasOwn(data, x)) {
      const sub12 = (() => {
        if (!(typeof data[x] === "string")) return false
        return true
      })()
      if (!sub12) {
        const sub13 = (() => {
          if (!(typeof data[x] === "object" && data[x] && !Array.isArray(data[x]))) return false
          if ("gid" in data[x] && hasOwn(data[x], "gid")) {
            if (!(typeof data[x].gid === "string")) return false
          }
          if ("mode" in data[x] && hasOwn(data[x], "mode")) {
            if (!(typeof data[x].mode === "number" || typeof data[x].mode === "string")) return false
          }
          if ("source" in data[x] && hasOwn(data[x], "source")) {
            if (!(typeof data[x].source === "string")) return false
          }
          if ("target" in data[x] && hasOwn(data[x], "target")) {
            if (!(typeof data[x].target === "string")) return false
          }
          if ("uid" in data[x] && hasOwn(data[x], "uid")) {
            if (!(typeof data[x].uid === "string")) return false
          }
          for (const key8 of Object.keys(data[x])) {
            if (key8 !== "gid" && key8 !== "mode" && key8 !== "source" && key8 !== "target" && key8 !== "uid" && !(key8.startsWith("x-"))) return false
          }
          return true
        })()
        if (!sub13) return false
      }
    }
  }
  return true
};
const ref10 = function validate(data) {
  if (!(typeof data === "object" && data && !Array.isArray(data))) return false
  for (const key9 of Object.keys(data)) {
    if (data[key9] !== undefined) {
      const sub14 = (() => {
        if (!(Number.isInteger(data[key9]) || typeof data[key9] === "string")) return false
        return true
      })()
      if (!sub14) {
        const sub15 = (() => {
          if (!(typeof data[key9] === "object" && data[key9] && !Array.isArray(data[key9]))) return false
          if (!("soft" in data[key9] && hasOwn(data[key9], "soft"))) return false
          if (!("hard" in data[key9] && hasOwn(data[key9], "hard"))) return false
          if (!(Number.isInteger(data[key9].hard) || typeof data[key9].hard === "string")) return false
          if (!(Number.isInteger(data[key9].soft) || typeof data[key9].soft === "string")) return false
          for (const key11 of Object.keys(data[key9])) {
            if (key11 !== "hard" && key11 !== "soft" && !(key11.startsWith("x-"))) return false
          }
          return true
        })()
        if (!sub15) return false
      }
    }
  }
  return true
};
const ref11 = function validate(data) {
  const sub16 = (() => {
    if (!(typeof data === "string")) return false
    return true
  })()
  if (!sub16) {
    const sub17 = (() => {
      if (!Array.isArray(data)) return false
      for (let jj = 0; jj < data.length; jj++) {
        if (jj in data && hasOwn(data, jj)) {
          if (!(typeof data[jj] === "string")) return false
        }
      }
      return true
    })()
    if (!sub17) {
      const sub18 = (() => {
        if (!(data === null)) return false
        return true
      })()
      if (!sub18) return false
    }
  }
  return true
};
const pattern2 = new RegExp("^[a-zA-Z0-9._-]+$", "u");
const ref13 = function validate(data) {
  if (!Array.isArray(data)) return false
  for (let mm = 0; mm < data.length; mm++) {
    if (mm in data && hasOwn(data, mm)) {
      if (!(typeof data[mm] === "object" && data[mm] && !Array.isArray(data[mm]))) return false
      if (!("capabilities" in data[mm] && hasOwn(data[mm], "capabilities"))) return false
      if (!ref3(data[mm].capabilities)) return false
      if ("count" in data[mm] && hasOwn(data[mm], "count")) {
        if (!(typeof data[mm].count === "string" || Number.isInteger(data[mm].count))) return false
      }
      if ("device_ids" in data[mm] && hasOwn(data[mm], "device_ids")) {
        if (!ref3(data[mm].device_ids)) return false
      }
      if ("driver" in data[mm] && hasOwn(data[mm], "driver")) {
        if (!(typeof data[mm].driver === "string")) return false
      }
      if ("options" in data[mm] && hasOwn(data[mm], "options")) {
        if (!ref5(data[mm].options)) return false
      }
      for (const key27 of Object.keys(data[mm])) {
        if (key27 !== "capabilities" && key27 !== "count" && key27 !== "device_ids" && key27 !== "driver" && key27 !== "options" && !(key27.startsWith("x-"))) return false
      }
    }
  }
  return true
};
const ref14 = function validate(data) {
  if (!Array.isArray(data)) return false
  for (let nn = 0; nn < data.length; nn++) {
    if (nn in data && hasOwn(data, nn)) {
      if (!(typeof data[nn] === "object" && data[nn] && !Array.isArray(data[nn]))) return false
      if ("discrete_resource_spec" in data[nn] && hasOwn(data[nn], "discrete_resource_spec")) {
        if (!(typeof data[nn].discrete_resource_spec === "object" && data[nn].discrete_resource_spec && !Array.isArray(data[nn].discrete_resource_spec))) return false
        if ("kind" in data[nn].discrete_resource_spec && hasOwn(data[nn].discrete_resource_spec, "kind")) {
          if (!(typeof data[nn].discrete_resource_spec.kind === "string")) return false
        }
        if ("value" in data[nn].discrete_resource_spec && hasOwn(data[nn].discrete_resource_spec, "value")) {
          if (!(typeof data[nn].discrete_resource_spec.value === "number" || typeof data[nn].discrete_resource_spec.value === "string")) return false
        }
        for (const key29 of Object.keys(data[nn].discrete_resource_spec)) {
          if (key29 !== "kind" && key29 !== "value" && !(key29.startsWith("x-"))) return false
        }
      }
      for (const key31 of Object.keys(data[nn])) {
        if (key31 !== "discrete_resource_spec" && !(key31.startsWith("x-"))) return false
      }
    }
  }
  return true
};
const ref15 = function validate(data) {
  if (!(typeof data === "object" && data && !Array.isArray(data))) return false
  if ("delay" in data && hasOwn(data, "delay")) {
    if (!(typeof data.delay === "string")) return false
  }
  if ("failure_action" in data && hasOwn(data, "failure_action")) {
    if (!(typeof data.failure_action === "string")) return false
  }
  if ("max_failure_ratio" in data && hasOwn(data, "max_failure_ratio")) {
    if (!(typeof data.max_failure_ratio === "number" || typeof data.max_failure_ratio === "string")) return false
  }
  if ("monitor" in data && hasOwn(data, "monitor")) {
    if (!(typeof data.monitor === "string")) return false
  }
  if ("order" in data && hasOwn(data, "order")) {
    if (!(typeof data.order === "string")) return false
    if (!(data.order === "start-first" || data.order === "stop-first")) return false
  }
  if ("parallelism" in data && hasOwn(data, "parallelism")) {
    if (!(Number.isInteger(data.parallelism) || typeof data.parallelism === "string")) return false
  }
  for (const key39 of Object.keys(data)) {
    if (key39 !== "delay" && key39 !== "failure_action" && key39 !== "max_failure_ratio" && key39 !== "monitor" && key39 !== "order" && key39 !== "parallelism" && !(key39.startsWith("x-"))) return false
  }
  return true
};
const ref12 = function validate(data) {
  if (!(typeof data === "object" && data && !Array.isArray(data) || data === null)) return false
  if (typeof data === "object" && data && !Array.isArray(data)) {
    if ("endpoint_mode" in data && hasOwn(data, "endpoint_mode")) {
      if (!(typeof data.endpoint_mode === "string")) return false
    }
    if ("labels" in data && hasOwn(data, "labels")) {
      if (!ref5(data.labels)) return false
    }
    if ("mode" in data && hasOwn(data, "mode")) {
      if (!(typeof data.mode === "string")) return false
    }
    if ("placement" in data && hasOwn(data, "placement")) {
      if (!(typeof data.placement === "object" && data.placement && !Array.isArray(data.placement))) return false
      if ("constraints" in data.placement && hasOwn(data.placement, "constraints")) {
        if (!Array.isArray(data.placement.constraints)) return false
        for (let kk = 0; kk < data.placement.constraints.length; kk++) {
          if (kk in data.placement.constraints && hasOwn(data.placement.constraints, kk)) {
            if (!(typeof data.placement.constraints[kk] === "string")) return false
          }
        }
      }
      if ("max_replicas_per_node" in data.placement && hasOwn(data.placement, "max_replicas_per_node")) {
        if (!(Number.isInteger(data.placement.max_replicas_per_node) || typeof data.placement.max_replicas_per_node === "string")) return false
      }
      if ("preferences" in data.placement && hasOwn(data.placement, "preferences")) {
        if (!Array.isArray(data.placement.preferences)) return false
        for (let ll = 0; ll < data.placement.preferences.length; ll++) {
          if (ll in data.placement.preferences && hasOwn(data.placement.preferences, ll)) {
            if (!(typeof data.placement.preferences[ll] === "object" && data.placement.preferences[ll] && !Array.isArray(data.placement.preferences[ll]))) return false
            if ("spread" in data.placement.preferences[ll] && hasOwn(data.placement.preferences[ll], "spread")) {
              if (!(typeof data.placement.preferences[ll].spread === "string")) return false
            }
            for (const key21 of Object.keys(data.placement.preferences[ll])) {
              if (key21 !== "spread" && !(key21.startsWith("x-"))) return false
            }
          }
        }
      }
      for (const key23 of Object.keys(data.placement)) {
        if (key23 !== "constraints" && key23 !== "max_replicas_per_node" && key23 !== "preferences" && !(key23.startsWith("x-"))) return false
      }
    }
    if ("replicas" in data && hasOwn(data, "replicas")) {
      if (!(Number.isInteger(data.replicas) || typeof data.replicas === "string")) return false
    }
    if ("resources" in data && hasOwn(data, "resources")) {
      if (!(typeof data.resources === "object" && data.resources && !Array.isArray(data.resources))) return false
      if ("limits" in data.resources && hasOwn(data.resources, "limits")) {
        if (!(typeof data.resources.limits === "object" && data.resources.limits && !Array.isArray(data.resources.limits))) return false
        if ("cpus" in data.resources.limits && hasOwn(data.resources.limits, "cpus")) {
          if (!(typeof data.resources.limits.cpus === "number" || typeof data.resources.limits.cpus === "string")) return false
        }
        if ("memory" in data.resources.limits && hasOwn(data.resources.limits, "memory")) {
          if (!(typeof data.resources.limits.memory === "string")) return false
        }
        if ("pids" in data.resources.limits && hasOwn(data.resources.limits, "pids")) {
          if (!(Number.isInteger(data.resources.limits.pids) || typeof data.resources.limits.pids === "string")) return false
        }
        for (const key25 of Object.keys(data.resources.limits)) {
          if (key25 !== "cpus" && key25 !== "memory" && key25 !== "pids" && !(key25.startsWith("x-"))) return false
        }
      }
      if ("reservations" in data.resources && hasOwn(data.resources, "reservations")) {
        if (!(typeof data.resources.reservations === "object" && data.resources.reservations && !Array.isArray(data.resources.reservations))) return false
        if ("cpus" in data.resources.reservations && hasOwn(data.resources.reservations, "cpus")) {
          if (!(typeof data.resources.reservations.cpus === "number" || typeof data.resources.reservations.cpus === "string")) return false
        }
        if ("devices" in data.resources.reservations && hasOwn(data.resources.reservations, "devices")) {
          if (!ref13(data.resources.reservations.devices)) return false
        }
        if ("generic_resources" in data.resources.reservations && hasOwn(data.resources.reservations, "generic_resources")) {
          if (!ref14(data.resources.reservations.generic_resources)) return false
        }
        if ("memory" in data.resources.reservations && hasOwn(data.resources.reservations, "memory")) {
          if (!(typeof data.resources.reservations.memory === "string")) return false
        }
        for (const key33 of Object.keys(data.resources.reservations)) {
          if (key33 !== "cpus" && key33 !== "devices" && key33 !== "generic_resources" && key33 !== "memory" && !(key33.startsWith("x-"))) return false
        }
      }
      for (const key35 of Object.keys(data.resources)) {
        if (key35 !== "limits" && key35 !== "reservations" && !(key35.startsWith("x-"))) return false
      }
    }
    if ("restart_policy" in data && hasOwn(data, "restart_policy")) {
      if (!(typeof data.restart_policy === "object" && data.restart_policy && !Array.isArray(data.restart_policy))) return false
      if ("condition" in data.restart_policy && hasOwn(data.restart_policy, "condition")) {
        if (!(typeof data.restart_policy.condition === "string")) return false
      }
      if ("delay" in data.restart_policy && hasOwn(data.restart_policy, "delay")) {
        if (!(typeof data.restart_policy.delay === "string")) return false
      }
      if ("max_attempts" in data.restart_policy && hasOwn(data.restart_policy, "max_attempts")) {
        if (!(Number.isInteger(data.restart_policy.max_attempts) || typeof data.restart_policy.max_attempts === "string")) return false
      }
      if ("window" in data.restart_policy && hasOwn(data.restart_policy, "window")) {
        if (!(typeof data.restart_policy.window === "string")) return false
      }
      for (const key37 of Object.keys(data.restart_policy)) {
        if (key37 !== "condition" && key37 !== "delay" && key37 !== "max_attempts" && key37 !== "window" && !(key37.startsWith("x-"))) return false
      }
    }
    if ("rollback_config" in data && hasOwn(data, "rollback_config")) {
      if (!ref15(data.rollback_config)) return false
    }
    if ("update_config" in data && hasOwn(data, "update_config")) {
      if (!ref15(data.update_config)) return false
    }
    for (const key41 of Object.keys(data)) {
      if (key41 !== "endpoint_mode" && key41 !== "labels" && key41 !== "mode" && key41 !== "placement" && key41 !== "replicas" && key41 !== "resources" && key41 !== "restart_policy" && key41 !== "rollback_config" && key41 !== "update_config" && !(key41.startsWith("x-"))) return false
    }
  }
  return true
};
const ref17 = function validate(data) {
  if (!(typeof data === "object" && data && !Array.isArray(data))) return false
  if (!("command" in data && hasOwn(data, "command"))) return false
  if (!ref11(data.command)) return false
  if ("environment" in data && hasOwn(data, "environment")) {
    if (!ref5(data.environment)) return false
  }
  if ("privileged" in data && hasOwn(data, "privileged")) {
    if (!(typeof data.privileged === "boolean" || typeof data.privileged === "string")) return false
  }
  if ("user" in data && hasOwn(data, "user")) {
    if (!(typeof data.user === "string")) return false
  }
  if ("working_dir" in data && hasOwn(data, "working_dir")) {
    if (!(typeof data.working_dir === "string")) return false
  }
  for (const key43 of Object.keys(data)) {
    if (key43 !== "command" && key43 !== "environment" && key43 !== "privileged" && key43 !== "user" && key43 !== "working_dir" && !(key43.startsWith("x-"))) return false
  }
  return true
};
const ref16 = function validate(data) {
  if (!(typeof data === "object" && data && !Array.isArray(data) || data === null)) return false
  if (typeof data === "object" && data && !Array.isArray(data)) {
    if ("watch" in data && hasOwn(data, "watch")) {
      if (!Array.isArray(data.watch)) return false
      for (let oo = 0; oo < data.watch.length; oo++) {
        if (oo in data.watch && hasOwn(data.watch, oo)) {
          if (!(typeof data.watch[oo] === "object" && data.watch[oo] && !Array.isArray(data.watch[oo]))) return false
          if (!("path" in data.watch[oo] && hasOwn(data.watch[oo], "path"))) return false
          if (!("action" in data.watch[oo] && hasOwn(data.watch[oo], "action"))) return false
          if (!(typeof data.watch[oo].action === "string")) return false
          if (!(data.watch[oo].action === "rebuild" || data.watch[oo].action === "sync" || data.watch[oo].action === "restart" || data.watch[oo].action === "sync+restart" || data.watch[oo].action === "sync+exec")) return false
          if ("exec" in data.watch[oo] && hasOwn(data.watch[oo], "exec")) {
            if (!ref17(data.watch[oo].exec)) return false
          }
          if ("ignore" in data.watch[oo] && hasOwn(data.watch[oo], "ignore")) {
            if (!ref2(data.watch[oo].ignore)) return false
          }
          if ("include" in data.watch[oo] && hasOwn(data.watch[oo], "include")) {
            if (!ref2(data.watch[oo].include)) return false
          }
          if ("initial_sync" in data.watch[oo] && hasOwn(data.watch[oo], "initial_sync")) {
            if (!(typeof data.watch[oo].initial_sync === "boolean" || typeof data.watch[oo].initial_sync === "string")) return false
          }
          if (!(typeof data.watch[oo].path === "string")) return false
          if ("target" in data.watch[oo] && hasOwn(data.watch[oo], "target")) {
            if (!(typeof data.watch[oo].target === "string")) return false
          }
          for (const key45 of Object.keys(data.watch[oo])) {
            if (key45 !== "action" && key45 !== "exec" && key45 !== "ignore" && key45 !== "include" && key45 !== "initial_sync" && key45 !== "path" && key45 !== "target" && !(key45.startsWith("x-"))) return false
          }
        }
      }
    }
    for (const key47 of Object.keys(data)) {
      if (key47 !== "watch" && !(key47.startsWith("x-"))) return false
    }
  }
  return true
};
const ref18 = function validate(data) {
  const sub23 = (() => {
    if (!(typeof data === "string")) return false
    return true
  })()
  if (!sub23) {
    const sub24 = (() => {
      if (!Array.isArray(data)) return false
      for (let rr = 0; rr < data.length; rr++) {
        if (rr in data && hasOwn(data, rr)) {
          const sub25 = (() => {
            if (!(typeof data[rr] === "string")) return false
            return true
          })()
          if (!sub25) {
            const sub26 = (() => {
              if (!(typeof data[rr] === "object" && data[rr] && !Array.isArray(data[rr]))) return false
              if (!("path" in data[rr] && hasOwn(data[rr], "path"))) return false
              if ("format" in data[rr] && hasOwn(data[rr], "format")) {
                if (!(typeof data[rr].format === "string")) return false
              }
              if (!(typeof data[rr].path === "string")) return false
              if ("required" in data[rr] && hasOwn(data[rr], "required")) {
                if (!(typeof data[rr].required === "boolean" || typeof data[rr].required === "string")) return false
              }
              for (const key50 of Object.keys(data[rr])) {
                if (key50 !== "format" && key50 !== "path" && key50 !== "required") return false
              }
              return true
            })()
            if (!sub26) return false
          }
        }
      }
      return true
    })()
    if (!sub24) return false
  }
  return true
};
const ref19 = function validate(data) {
  const sub29 = (() => {
    if (!(typeof data === "string")) return false
    if (!(data === "all")) return false
    return true
  })()
  if (!sub29) {
    const sub30 = (() => {
      if (!Array.isArray(data)) return false
      for (let uu = 0; uu < data.length; uu++) {
        if (uu in data && hasOwn(data, uu)) {
          if (!(typeof data[uu] === "object" && data[uu] && !Array.isArray(data[uu]))) return false
          if ("capabilities" in data[uu] && hasOwn(data[uu], "capabilities")) {
            if (!ref3(data[uu].capabilities)) return false
          }
          if ("count" in data[uu] && hasOwn(data[uu], "count")) {
            if (!(typeof data[uu].count === "string" || Number.isInteger(data[uu].count))) return false
          }
          if ("device_ids" in data[uu] && hasOwn(data[uu], "device_ids")) {
            if (!ref3(data[uu].device_ids)) return false
          }
          if ("driver" in data[uu] && hasOwn(data[uu], "driver")) {
            if (!(typeof data[uu].driver === "string")) return false
          }
          if ("options" in data[uu] && hasOwn(data[uu], "options")) {
            if (!ref5(data[uu].options)) return false
          }
          for (const key53 of Object.keys(data[uu])) {
            if (key53 !== "capabilities" && key53 !== "count" && key53 !== "device_ids" && key53 !== "driver" && key53 !== "options" && !(key53.startsWith("x-"))) return false
          }
        }
      }
      return true
    })()
    if (!sub30) return false
  }
  return true
};
const ref20 = function validate(data) {
  if (!(typeof data === "object" && data && !Array.isArray(data))) return false
  if ("disable" in data && hasOwn(data, "disable")) {
    if (!(typeof data.disable === "boolean" || typeof data.disable === "string")) return false
  }
  if ("interval" in data && hasOwn(data, "interval")) {
    if (!(typeof data.interval === "string")) return false
  }
  if ("retries" in data && hasOwn(data, "retries")) {
    if (!(typeof data.retries === "number" || typeof data.retries === "string")) return false
  }
  if ("start_interval" in data && hasOwn(data, "start_interval")) {
    if (!(typeof data.start_interval === "string")) return false
  }
  if ("start_period" in data && hasOwn(data, "start_period")) {
    if (!(typeof data.start_period === "string")) return false
  }
  if ("test" in data && hasOwn(data, "test")) {
    const sub31 = (() => {
      if (!(typeof data.test === "string")) return false
      return true
    })()
    if (!sub31) {
      const sub32 = (() => {
        if (!Array.isArray(data.test)) return false
        for (let xx = 0; xx < data.test.length; xx++) {
          if (xx in data.test && hasOwn(data.test, xx)) {
            if (!(typeof data.test[xx] === "string")) return false
          }
        }
        return true
      })()
      if (!sub32) return false
    }
  }
  if ("timeout" in data && hasOwn(data, "timeout")) {
    if (!(typeof data.timeout === "string")) return false
  }
  for (const key55 of Object.keys(data)) {
    if (key55 !== "disable" && key55 !== "interval" && key55 !== "retries" && key55 !== "start_interval" && key55 !== "start_period" && key55 !== "test" && key55 !== "timeout" && !(key55.startsWith("x-"))) return false
  }
  return true
};
const pattern3 = new RegExp("^(always|never|build|if_not_present|missing|refresh|daily|weekly|every_([0-9]+[wdhms])+)$", "u");
const pattern4 = new RegExp("^(no|always|unless-stopped|on-failure(:[0-9]+)?)$", "u");
const ref4 = function validate(data) {
  if (!(typeof data === "object" && data && !Array.isArray(data))) return false
  if ("annotations" in data && hasOwn(data, "annotations")) {
    if (!ref5(data.annotations)) return false
  }
  if ("attach" in data && hasOwn(data, "attach")) {
    if (!(typeof data.attach === "boolean" || typeof data.attach === "string")) return false
  }
  if ("blkio_config" in data && hasOwn(data, "blkio_config")) {
    if (!(typeof data.blkio_config === "object" && data.blkio_config && !Array.isArray(data.blkio_config))) return false
    if ("device_read_bps" in data.blkio_config && hasOwn(data.blkio_config, "device_read_bps")) {
      if (!Array.isArray(data.blkio_config.device_read_bps)) return false
      for (let l = 0; l < data.blkio_config.device_read_bps.length; l++) {
        if (l in data.blkio_config.device_read_bps && hasOwn(data.blkio_config.device_read_bps, l)) {
          if (!ref6(data.blkio_config.device_read_bps[l])) return false
        }
      }
    }
    if ("device_read_iops" in data.blkio_config && hasOwn(data.blkio_config, "device_read_iops")) {
      if (!Array.isArray(data.blkio_config.device_read_iops)) return false
      for (let m = 0; m < data.blkio_config.device_read_iops.length; m++) {
        if (m in data.blkio_config.device_read_iops && hasOwn(data.blkio_config.device_read_iops, m)) {
          if (!ref6(data.blkio_config.device_read_iops[m])) return false
        }
      }
    }
    if ("device_write_bps" in data.blkio_config && hasOwn(data.blkio_config, "device_write_bps")) {
      if (!Array.isArray(data.blkio_config.device_write_bps)) return false
      for (let n = 0; n < data.blkio_config.device_write_bps.length; n++) {
        if (n in data.blkio_config.device_write_bps && hasOwn(data.blkio_config.device_write_bps, n)) {
          if (!ref6(data.blkio_config.device_write_bps[n])) return false
        }
      }
    }
    if ("device_write_iops" in data.blkio_config && hasOwn(data.blkio_config, "device_write_iops")) {
      if (!Array.isArray(data.blkio_config.device_write_iops)) return false
      for (let o = 0; o < data.blkio_config.device_write_iops.length; o++) {
        if (o in data.blkio_config.device_write_iops && hasOwn(data.blkio_config.device_write_iops, o)) {
          if (!ref6(data.blkio_config.device_write_iops[o])) return false
        }
      }
    }
    if ("weight" in data.blkio_config && hasOwn(data.blkio_config, "weight")) {
      if (!(Number.isInteger(data.blkio_config.weight) || typeof data.blkio_config.weight === "string")) return false
    }
    if ("weight_device" in data.blkio_config && hasOwn(data.blkio_config, "weight_device")) {
      if (!Array.isArray(data.blkio_config.weight_device)) return false
      for (let p = 0; p < data.blkio_config.weight_device.length; p++) {
        if (p in data.blkio_config.weight_device && hasOwn(data.blkio_config.weight_device, p)) {
          if (!ref7(data.blkio_config.weight_device[p])) return false
        }
      }
    }
    for (const key5 of Object.keys(data.blkio_config)) {
      if (key5 !== "device_read_bps" && key5 !== "device_read_iops" && key5 !== "device_write_bps" && key5 !== "device_write_iops" && key5 !== "weight" && key5 !== "weight_device") return false
    }
  }
  if ("build" in data && hasOwn(data, "build")) {
    const sub6 = (() => {
      if (!(typeof data.build === "string")) return false
      return true
    })()
    if (!sub6) {
      const sub7 = (() => {
        if (!(typeof data.build === "object" && data.build && !Array.isArray(data.build))) return false
        if ("additional_contexts" in data.build && hasOwn(data.build, "additional_contexts")) {
          if (!ref5(data.build.additional_contexts)) return false
        }
        if ("args" in data.build && hasOwn(data.build, "args")) {
          if (!ref5(data.build.args)) return false
        }
        if ("cache_from" in data.build && hasOwn(data.build, "cache_from")) {
          if (!Array.isArray(data.build.cache_from)) return false
          for (let q = 0; q < data.build.cache_from.length; q++) {
            if (q in data.build.cache_from && hasOwn(data.build.cache_from, q)) {
              if (!(typeof data.build.cache_from[q] === "string")) return false
            }
          }
        }
        if ("cache_to" in data.build && hasOwn(data.build, "cache_to")) {
          if (!Array.isArray(data.build.cache_to)) return false
          for (let r = 0; r < data.build.cache_to.length; r++) {
            if (r in data.build.cache_to && hasOwn(data.build.cache_to, r)) {
              if (!(typeof data.build.cache_to[r] === "string")) return false
            }
          }
        }
        if ("context" in data.build && hasOwn(data.build, "context")) {
          if (!(typeof data.build.context === "string")) return false
        }
        if ("dockerfile" in data.build && hasOwn(data.build, "dockerfile")) {
          if (!(typeof data.build.dockerfile === "string")) return false
        }
        if ("dockerfile_inline" in data.build && hasOwn(data.build, "dockerfile_inline")) {
          if (!(typeof data.build.dockerfile_inline === "string")) return false
        }
        if ("entitlements" in data.build && hasOwn(data.build, "entitlements")) {
          if (!Array.isArray(data.build.entitlements)) return false
          for (let s = 0; s < data.build.entitlements.length; s++) {
            if (s in data.build.entitlements && hasOwn(data.build.entitlements, s)) {
              if (!(typeof data.build.entitlements[s] === "string")) return false
            }
          }
        }
        if ("extra_hosts" in data.build && hasOwn(data.build, "extra_hosts")) {
          if (!ref8(data.build.extra_hosts)) return false
        }
        if ("isolation" in data.build && hasOwn(data.build, "isolation")) {
          if (!(typeof data.build.isolation === "string")) return false
        }
        if ("labels" in data.build && hasOwn(data.build, "labels")) {
          if (!ref5(data.build.labels)) return false
        }
        if ("network" in data.build && hasOwn(data.build, "network")) {
          if (!(typeof data.build.network === "string")) return false
        }
        if ("no_cache" in data.build && hasOwn(data.build, "no_cache")) {
          if (!(typeof data.build.no_cache === "boolean" || typeof data.build.no_cache === "string")) return false
        }
        if ("platforms" in data.build && hasOwn(data.build, "platforms")) {
          if (!Array.isArray(data.build.platforms)) return false
          for (let v = 0; v < data.build.platforms.length; v++) {
            if (v in data.build.platforms && hasOwn(data.build.platforms, v)) {
              if (!(typeof data.build.platforms[v] === "string")) return false
            }
          }
        }
        if ("privileged" in data.build && hasOwn(data.build, "privileged")) {
          if (!(typeof data.build.privileged === "boolean" || typeof data.build.privileged === "string")) return false
        }
        if ("provenance" in data.build && hasOwn(data.build, "provenance")) {
          if (!(typeof data.build.provenance === "boolean" || typeof data.build.provenance === "string")) return false
        }
        if ("pull" in data.build && hasOwn(data.build, "pull")) {
          if (!(typeof data.build.pull === "boolean" || typeof data.build.pull === "string")) return false
        }
        if ("sbom" in data.build && hasOwn(data.build, "sbom")) {
          if (!(typeof data.build.sbom === "boolean" || typeof data.build.sbom === "string")) return false
        }
        if ("secrets" in data.build && hasOwn(data.build, "secrets")) {
          if (!ref9(data.build.secrets)) return false
        }
        if ("shm_size" in data.build && hasOwn(data.build, "shm_size")) {
          if (!(Number.isInteger(data.build.shm_size) || typeof data.build.shm_size === "string")) return false
        }
        if ("ssh" in data.build && hasOwn(data.build, "ssh")) {
          if (!ref5(data.build.ssh)) return false
        }
        if ("tags" in data.build && hasOwn(data.build, "tags")) {
          if (!Array.isArray(data.build.tags)) return false
          for (let y = 0; y < data.build.tags.length; y++) {
            if (y in data.build.tags && hasOwn(data.build.tags, y)) {
              if (!(typeof data.build.tags[y] === "string")) return false
            }
          }
        }
        if ("target" in data.build && hasOwn(data.build, "target")) {
          if (!(typeof data.build.target === "string")) return false
        }
        if ("ulimits" in data.build && hasOwn(data.build, "ulimits")) {
          if (!ref10(data.build.ulimits)) return false
        }
        for (const key13 of Object.keys(data.build)) {
          if (key13 !== "additional_contexts" && key13 !== "args" && key13 !== "cache_from" && key13 !== "cache_to" && key13 !== "context" && key13 !== "dockerfile" && key13 !== "dockerfile_inline" && key13 !== "entitlements" && key13 !== "extra_hosts" && key13 !== "isolation" && key13 !== "labels" && key13 !== "network" && key13 !== "no_cache" && key13 !== "platforms" && key13 !== "privileged" && key13 !== "provenance" && key13 !== "pull" && key13 !== "sbom" && key13 !== "secrets" && key13 !== "shm_size" && key13 !== "ssh" && key13 !== "tags" && key13 !== "target" && key13 !== "ulimits" && !(key13.startsWith("x-"))) return false
        }
        return true
      })()
      if (!sub7) return false
    }
  }
  if ("cap_add" in data && hasOwn(data, "cap_add")) {
    if (!Array.isArray(data.cap_add)) return false
    for (let z = 0; z < data.cap_add.length; z++) {
      if (z in data.cap_add && hasOwn(data.cap_add, z)) {
        if (!(typeof data.cap_add[z] === "string")) return false
      }
    }
    if (!unique(data.cap_add)) return false
  }
  if ("cap_drop" in data && hasOwn(data, "cap_drop")) {
    if (!Array.isArray(data.cap_drop)) return false
    for (let ii = 0; ii < data.cap_drop.length; ii++) {
      if (ii in data.cap_drop && hasOwn(data.cap_drop, ii)) {
        if (!(typeof data.cap_drop[ii] === "string")) return false
      }
    }
    if (!unique(data.cap_drop)) return false
  }
  if ("cgroup" in data && hasOwn(data, "cgroup")) {
    if (!(typeof data.cgroup === "string")) return false
    if (!(data.cgroup === "host" || data.cgroup === "private")) return false
  }
  if ("cgroup_parent" in data && hasOwn(data, "cgroup_parent")) {
    if (!(typeof data.cgroup_parent === "string")) return false
  }
  if ("command" in data && hasOwn(data, "command")) {
    if (!ref11(data.command)) return false
  }
  if ("configs" in data && hasOwn(data, "configs")) {
    if (!ref9(data.configs)) return false
  }
  if ("container_name" in data && hasOwn(data, "container_name")) {
    if (!(typeof data.container_name === "string")) return false
  }
  if ("cpu_count" in data && hasOwn(data, "cpu_count")) {
    if (!(Number.isInteger(data.cpu_count) || typeof data.cpu_count === "string")) return false
    if (typeof data.cpu_count === "number") {
      if (!(0 <= data.cpu_count)) return false
    }
  }
  if ("cpu_percent" in data && hasOwn(data, "cpu_percent")) {
    if (!(Number.isInteger(data.cpu_percent) || typeof data.cpu_percent === "string")) return false
    if (typeof data.cpu_percent === "number") {
      if (!(0 <= data.cpu_percent)) return false
      if (!(100 >= data.cpu_percent)) return false
    }
  }
  if ("cpu_period" in data && hasOwn(data, "cpu_period")) {
    if (!(typeof data.cpu_period === "number" || typeof data.cpu_period === "string")) return false
  }
  if ("cpu_quota" in data && hasOwn(data, "cpu_quota")) {
    if (!(typeof data.cpu_quota === "number" || typeof data.cpu_quota === "string")) return false
  }
  if ("cpu_rt_period" in data && hasOwn(data, "cpu_rt_period")) {
    if (!(typeof data.cpu_rt_period === "number" || typeof data.cpu_rt_period === "string")) return false
  }
  if ("cpu_rt_runtime" in data && hasOwn(data, "cpu_rt_runtime")) {
    if (!(typeof data.cpu_rt_runtime === "number" || typeof data.cpu_rt_runtime === "string")) return false
  }
  if ("cpu_shares" in data && hasOwn(data, "cpu_shares")) {
    if (!(typeof data.cpu_shares === "number" || typeof data.cpu_shares === "string")) return false
  }
  if ("cpus" in data && hasOwn(data, "cpus")) {
    if (!(typeof data.cpus === "number" || typeof data.cpus === "string")) return false
  }
  if ("cpuset" in data && hasOwn(data, "cpuset")) {
    if (!(typeof data.cpuset === "string")) return false
  }
  if ("credential_spec" in data && hasOwn(data, "credential_spec")) {
    if (!(typeof data.credential_spec === "object" && data.credential_spec && !Array.isArray(data.credential_spec))) return false
    if ("config" in data.credential_spec && hasOwn(data.credential_spec, "config")) {
      if (!(typeof data.credential_spec.config === "string")) return false
    }
    if ("file" in data.credential_spec && hasOwn(data.credential_spec, "file")) {
      if (!(typeof data.credential_spec.file === "string")) return false
    }
    if ("registry" in data.credential_spec && hasOwn(data.credential_spec, "registry")) {
      if (!(typeof data.credential_spec.registry === "string")) return false
    }
    for (const key15 of Object.keys(data.credential_spec)) {
      if (key15 !== "config" && key15 !== "file" && key15 !== "registry" && !(key15.startsWith("x-"))) return false
    }
  }
  if ("depends_on" in data && hasOwn(data, "depends_on")) {
    const sub19 = (() => {
      if (!ref3(data.depends_on)) return false
      return true
    })()
    if (!sub19) {
      const sub20 = (() => {
        if (!(typeof data.depends_on === "object" && data.depends_on && !Array.isArray(data.depends_on))) return false
        for (const key16 of Object.keys(data.depends_on)) {
          if (pattern2.test(key16)) {
            if (data.depends_on[key16] !== undefined) {
              if (!(typeof data.depends_on[key16] === "object" && data.depends_on[key16] && !Array.isArray(data.depends_on[key16]))) return false
              if ("condition" in data.depends_on[key16] && hasOwn(data.depends_on[key16], "condition")) {
                if (!(typeof data.depends_on[key16].condition === "string")) return false
                if (!(data.depends_on[key16].condition === "service_started" || data.depends_on[key16].condition === "service_healthy" || data.depends_on[key16].condition === "service_completed_successfully")) return false
              }
              if ("required" in data.depends_on[key16] && hasOwn(data.depends_on[key16], "required")) {
                if (!(typeof data.depends_on[key16].required === "boolean")) return false
              }
              if ("restart" in data.depends_on[key16] && hasOwn(data.depends_on[key16], "restart")) {
                if (!(typeof data.depends_on[key16].restart === "boolean" || typeof data.depends_on[key16].restart === "string")) return false
              }
              for (const key18 of Object.keys(data.depends_on[key16])) {
                if (key18 !== "condition" && key18 !== "required" && key18 !== "restart" && !(key18.startsWith("x-"))) return false
              }
            }
          }
        }
        for (const key19 of Object.keys(data.depends_on)) {
          if (!pattern2.test(key19)) return false
        }
        return true
      })()
      if (!sub20) return false
    }
  }
  if ("deploy" in data && hasOwn(data, "deploy")) {
    if (!ref12(data.deploy)) return false
  }
  if ("develop" in data && hasOwn(data, "develop")) {
    if (!ref16(data.develop)) return false
  }
  if ("device_cgroup_rules" in data && hasOwn(data, "device_cgroup_rules")) {
    if (!ref3(data.device_cgroup_rules)) return false
  }
  if ("devices" in data && hasOwn(data, "devices")) {
    if (!Array.isArray(data.devices)) return false
    for (let pp = 0; pp < data.devices.length; pp++) {
      if (pp in data.devices && hasOwn(data.devices, pp)) {
        const sub21 = (() => {
          if (!(typeof data.devices[pp] === "string")) return false
          return true
        })()
        if (!sub21) {
          const sub22 = (() => {
            if (!(typeof data.devices[pp] === "object" && data.devices[pp] && !Array.isArray(data.devices[pp]))) return false
            if (!("source" in data.devices[pp] && hasOwn(data.devices[pp], "source"))) return false
            if (!(typeof data.devices[pp].source === "string")) return false
            if ("target" in data.devices[pp] && hasOwn(data.devices[pp], "target")) {
              if (!(typeof data.devices[pp].target === "string")) return false
            }
            if ("permissions" in data.devices[pp] && hasOwn(data.devices[pp], "permissions")) {
              if (!(typeof data.devices[pp].permissions === "string")) return false
            }
            for (const key49 of Object.keys(data.devices[pp])) {
              if (key49 !== "source" && key49 !== "target" && key49 !== "permissions" && !(key49.startsWith("x-"))) return false
            }
            return true
          })()
          if (!sub22) return false
        }
      }
    }
  }
  if ("dns" in data && hasOwn(data, "dns")) {
    if (!ref2(data.dns)) return false
  }
  if ("dns_opt" in data && hasOwn(data, "dns_opt")) {
    if (!Array.isArray(data.dns_opt)) return false
    for (let qq = 0; qq < data.dns_opt.length; qq++) {
      if (qq in data.dns_opt && hasOwn(data.dns_opt, qq)) {
        if (!(typeof data.dns_opt[qq] === "string")) return false
      }
    }
    if (!unique(data.dns_opt)) return false
  }
  if ("dns_search" in data && hasOwn(data, "dns_search")) {
    if (!ref2(data.dns_search)) return false
  }
  if ("domainname" in data && hasOwn(data, "domainname")) {
    if (!(typeof data.domainname === "string")) return false
  }
  if ("entrypoint" in data && hasOwn(data, "entrypoint")) {
    if (!ref11(data.entrypoint)) return false
  }
  if ("env_file" in data && hasOwn(data, "env_file")) {
    if (!ref18(data.env_file)) return false
  }
  if ("environment" in data && hasOwn(data, "environment")) {
    if (!ref5(data.environment)) return false
  }
  if ("expose" in data && hasOwn(data, "expose")) {
    if (!Array.isArray(data.expose)) return false
    for (let ss = 0; ss < data.expose.length; ss++) {
      if (ss in data.expose && hasOwn(data.expose, ss)) {
        if (!(typeof data.expose[ss] === "string" || typeof data.expose[ss] === "number")) return false
      }
    }
    if (!unique(data.expose)) return false
  }
  if ("extends" in data && hasOwn(data, "extends")) {
    const sub27 = (() => {
      if (!(typeof data.extends === "string")) return false
      return true
    })()
    if (!sub27) {
      const sub28 = (() => {
        if (!(typeof data.extends === "object" && data.extends && !Array.isArray(data.extends))) return false
        if (!("service" in data.extends && hasOwn(data.extends, "service"))) return false
        if (!(typeof data.extends.service === "string")) return false
        if ("file" in data.extends && hasOwn(data.extends, "file")) {
          if (!(typeof data.extends.file === "string")) return false
        }
        for (const key51 of Object.keys(data.extends)) {
          if (key51 !== "service" && key51 !== "file") return false
        }
        return true
      })()
      if (!sub28) return false
    }
  }
  if ("external_links" in data && hasOwn(data, "external_links")) {
    if (!Array.isArray(data.external_links)) return false
    for (let tt = 0; tt < data.external_links.length; tt++) {
      if (tt in data.external_links && hasOwn(data.external_links, tt)) {
        if (!(typeof data.external_links[tt] === "string")) return false
      }
    }
    if (!unique(data.external_links)) return false
  }
  if ("extra_hosts" in data && hasOwn(data, "extra_hosts")) {
    if (!ref8(data.extra_hosts)) return false
  }
  if ("gpus" in data && hasOwn(data, "gpus")) {
    if (!ref19(data.gpus)) return false
  }
  if ("group_add" in data && hasOwn(data, "group_add")) {
    if (!Array.isArray(data.group_add)) return false
    for (let vv = 0; vv < data.group_add.length; vv++) {
      if (vv in data.group_add && hasOwn(data.group_add, vv)) {
        if (!(typeof data.group_add[vv] === "string" || typeof data.group_add[vv] === "number")) return false
      }
    }
    if (!unique(data.group_add)) return false
  }
  if ("healthcheck" in data && hasOwn(data, "healthcheck")) {
    if (!ref20(data.healthcheck)) return false
  }
  if ("hostname" in data && hasOwn(data, "hostname")) {
    if (!(typeof data.hostname === "string")) return false
  }
  if ("image" in data && hasOwn(data, "image")) {
    if (!(typeof data.image === "string")) return false
  }
  if ("init" in data && hasOwn(data, "init")) {
    if (!(typeof data.init === "boolean" || typeof data.init === "string")) return false
  }
  if ("ipc" in data && hasOwn(data, "ipc")) {
    if (!(typeof data.ipc === "string")) return false
  }
  if ("isolation" in data && hasOwn(data, "isolation")) {
    if (!(typeof data.isolation === "string")) return false
  }
  if ("label_file" in data && hasOwn(data, "label_file")) {
    if (!ref2(data.label_file)) return false
  }
  if ("labels" in data && hasOwn(data, "labels")) {
    if (!ref5(data.labels)) return false
  }
  if ("links" in data && hasOwn(data, "links")) {
    if (!Array.isArray(data.links)) return false
    for (let yy = 0; yy < data.links.length; yy++) {
      if (yy in data.links && hasOwn(data.links, yy)) {
        if (!(typeof data.links[yy] === "string")) return false
      }
    }
    if (!unique(data.links)) return false
  }
  if ("logging" in data && hasOwn(data, "logging")) {
    if (!(typeof data.logging === "object" && data.logging && !Array.isArray(data.logging))) return false
    if ("driver" in data.logging && hasOwn(data.logging, "driver")) {
      if (!(typeof data.logging.driver === "string")) return false
    }
    if ("options" in data.logging && hasOwn(data.logging, "options")) {
      if (!(typeof data.logging.options === "object" && data.logging.options && !Array.isArray(data.logging.options))) return false
      for (const key56 of Object.keys(data.logging.options)) {
        if (data.logging.options[key56] !== undefined) {
          if (!(typeof data.logging.options[key56] === "string" || typeof data.logging.options[key56] === "number" || data.logging.options[key56] === null)) return false
        }
      }
    }
    for (const key58 of Object.keys(data.logging)) {
      if (key58 !== "driver" && key58 !== "options" && !(key58.startsWith("x-"))) return false
    }
  }
  if ("mac_address" in data && hasOwn(data, "mac_address")) {
    if (!(typeof data.mac_address === "string")) return false
  }
  if ("mem_limit" in data && hasOwn(data, "mem_limit")) {
    if (!(typeof data.mem_limit === "number" || typeof data.mem_limit === "string")) return false
  }
  if ("mem_reservation" in data && hasOwn(data, "mem_reservation")) {
    if (!(Number.isInteger(data.mem_reservation) || typeof data.mem_reservation === "string")) return false
  }
  if ("mem_swappiness" in data && hasOwn(data, "mem_swappiness")) {
    if (!(Number.isInteger(data.mem_swappiness) || typeof data.mem_swappiness === "string")) return false
  }
  if ("memswap_limit" in data && hasOwn(data, "memswap_limit")) {
    if (!(typeof data.memswap_limit === "number" || typeof data.memswap_limit === "string")) return false
  }
  if ("models" in data && hasOwn(data, "models")) {
    const sub33 = (() => {
      if (!ref3(data.models)) return false
      return true
    })()
    if (!sub33) {
      const sub34 = (() => {
        if (!(typeof data.models === "object" && data.models && !Array.isArray(data.models))) return false
        for (const key59 of Object.keys(data.models)) {
          if (pattern2.test(key59)) {
            if (data.models[key59] !== undefined) {
              if (!(typeof data.models[key59] === "object" && data.models[key59] && !Array.isArray(data.models[key59]) || data.models[key59] === null)) return false
              if (typeof data.models[key59] === "object" && data.models[key59] && !Array.isArray(data.models[key59])) {
                if ("endpoint_var" in data.models[key59] && hasOwn(data.models[key59], "endpoint_var")) {
                  if (!(typeof data.models[key59].endpoint_var === "string")) return false
                }
                if ("model_var" in data.models[key59] && hasOwn(data.models[key59], "model_var")) {
                  if (!(typeof data.models[key59].model_var === "string")) return false
                }
                for (const key61 of Object.keys(data.models[key59])) {
                  if (key61 !== "endpoint_var" && key61 !== "model_var" && !(key61.startsWith("x-"))) return false
                }
              }
            }
          }
        }
        for (const key62 of Object.keys(data.models)) {
          if (!pattern2.test(key62)) return false
        }
        return true
      })()
      if (!sub34) return false
    }
  }
  if ("network_mode" in data && hasOwn(data, "network_mode")) {
    if (!(typeof data.network_mode === "string")) return false
  }
  if ("networks" in data && hasOwn(data, "networks")) {
    const sub35 = (() => {
      if (!ref3(data.networks)) return false
      return true
    })()
    if (!sub35) {
      const sub36 = (() => {
        if (!(typeof data.networks === "object" && data.networks && !Array.isArray(data.networks))) return false
        for (const key63 of Object.keys(data.networks)) {
          if (pattern2.test(key63)) {
            if (data.networks[key63] !== undefined) {
              if (!(typeof data.networks[key63] === "object" && data.networks[key63] && !Array.isArray(data.networks[key63]) || data.networks[key63] === null)) return false
              if (typeof data.networks[key63] === "object" && data.networks[key63] && !Array.isArray(data.networks[key63])) {
                if ("aliases" in data.networks[key63] && hasOwn(data.networks[key63], "aliases")) {
                  if (!ref3(data.networks[key63].aliases)) return false
                }
                if ("driver_opts" in data.networks[key63] && hasOwn(data.networks[key63], "driver_opts")) {
                  if (!(typeof data.networks[key63].driver_opts === "object" && data.networks[key63].driver_opts && !Array.isArray(data.networks[key63].driver_opts))) return false
                  for (const key64 of Object.keys(data.networks[key63].driver_opts)) {
                    if (data.networks[key63].driver_opts[key64] !== undefined) {
                      if (!(typeof data.networks[key63].driver_opts[key64] === "string" || typeof data.networks[key63].driver_opts[key64] === "number")) return false
                    }
                  }
                }
                if ("gw_priority" in data.networks[key63] && hasOwn(data.networks[key63], "gw_priority")) {
                  if (!(typeof data.networks[key63].gw_priority === "number")) return false
                }
                if ("interface_name" in data.networks[key63] && hasOwn(data.networks[key63], "interface_name")) {
                  if (!(typeof data.networks[key63].interface_name === "string")) return false
                }
                if ("ipv4_address" in data.networks[key63] && hasOwn(data.networks[key63], "ipv4_address")) {
                  if (!(typeof data.networks[key63].ipv4_address === "string")) return false
                }
                if ("ipv6_address" in data.networks[key63] && hasOwn(data.networks[key63], "ipv6_address")) {
                  if (!(typeof data.networks[key63].ipv6_address === "string")) return false
                }
                if ("link_local_ips" in data.networks[key63] && hasOwn(data.networks[key63], "link_local_ips")) {
                  if (!ref3(data.networks[key63].link_local_ips)) return false
                }
                if ("mac_address" in data.networks[key63] && hasOwn(data.networks[key63], "mac_address")) {
                  if (!(typeof data.networks[key63].mac_address === "string")) return false
                }
                if ("priority" in data.networks[key63] && hasOwn(data.networks[key63], "priority")) {
                  if (!(typeof data.networks[key63].priority === "number")) return false
                }
                for (const key66 of Object.keys(data.networks[key63])) {
                  if (key66 !== "aliases" && key66 !== "driver_opts" && key66 !== "gw_priority" && key66 !== "interface_name" && key66 !== "ipv4_address" && key66 !== "ipv6_address" && key66 !== "link_local_ips" && key66 !== "mac_address" && key66 !== "priority" && !(key66.startsWith("x-"))) return false
                }
              }
            }
          }
        }
        for (const key67 of Object.keys(data.networks)) {
          if (!pattern2.test(key67)) return false
        }
        return true
      })()
      if (!sub36) return false
    }
  }
  if ("oom_kill_disable" in data && hasOwn(data, "oom_kill_disable")) {
    if (!(typeof data.oom_kill_disable === "boolean" || typeof data.oom_kill_disable === "string")) return false
  }
  if ("oom_score_adj" in data && hasOwn(data, "oom_score_adj")) {
    if (!(Number.isInteger(data.oom_score_adj) || typeof data.oom_score_adj === "string")) return false
    if (typeof data.oom_score_adj === "number") {
      if (!(-1000 <= data.oom_score_adj)) return false
      if (!(1000 >= data.oom_score_adj)) return false
    }
  }
  if ("pid" in data && hasOwn(data, "pid")) {
    if (!(typeof data.pid === "string" || data.pid === null)) return false
  }
  if ("pids_limit" in data && hasOwn(data, "pids_limit")) {
    if (!(typeof data.pids_limit === "number" || typeof data.pids_limit === "string")) return false
  }
  if ("platform" in data && hasOwn(data, "platform")) {
    if (!(typeof data.platform === "string")) return false
  }
  if ("ports" in data && hasOwn(data, "ports")) {
    if (!Array.isArray(data.ports)) return false
    for (let zz = 0; zz < data.ports.length; zz++) {
      if (zz in data.ports && hasOwn(data.ports, zz)) {
        const sub37 = (() => {
          if (!(typeof data.ports[zz] === "string")) return false
          return true
        })()
        if (!sub37) {
          const sub38 = (() => {
            if (!(typeof data.ports[zz] === "number")) return false
            return true
          })()
          if (!sub38) {
            const sub39 = (() => {
              if (!(typeof data.ports[zz] === "object" && data.ports[zz] && !Array.isArray(data.ports[zz]))) return false
              if ("app_protocol" in data.ports[zz] && hasOwn(data.ports[zz], "app_protocol")) {
                if (!(typeof data.ports[zz].app_protocol === "string")) return false
              }
              if ("host_ip" in data.ports[zz] && hasOwn(data.ports[zz], "host_ip")) {
                if (!(typeof data.ports[zz].host_ip === "string")) return false
              }
              if ("mode" in data.ports[zz] && hasOwn(data.ports[zz], "mode")) {
                if (!(typeof data.ports[zz].mode === "string")) return false
              }
              if ("name" in data.ports[zz] && hasOwn(data.ports[zz], "name")) {
                if (!(typeof data.ports[zz].name === "string")) return false
              }
              if ("protocol" in data.ports[zz] && hasOwn(data.ports[zz], "protocol")) {
                if (!(typeof data.ports[zz].protocol === "string")) return false
              }
              if ("published" in data.ports[zz] && hasOwn(data.ports[zz], "published")) {
                if (!(typeof data.ports[zz].published === "string" || Number.isInteger(data.ports[zz].published))) return false
              }
              if ("target" in data.ports[zz] && hasOwn(data.ports[zz], "target")) {
                if (!(Number.isInteger(data.ports[zz].target) || typeof data.ports[zz].target === "string")) return false
              }
              for (const key69 of Object.keys(data.ports[zz])) {
                if (key69 !== "app_protocol" && key69 !== "host_ip" && key69 !== "mode" && key69 !== "name" && key69 !== "protocol" && key69 !== "published" && key69 !== "target" && !(key69.startsWith("x-"))) return false
              }
              return true
            })()
            if (!sub39) return false
          }
        }
      }
    }
    if (!unique(data.ports)) return false
  }
  if ("post_start" in data && hasOwn(data, "post_start")) {
    if (!Array.isArray(data.post_start)) return false
    for (let iii = 0; iii < data.post_start.length; iii++) {
      if (iii in data.post_start && hasOwn(data.post_start, iii)) {
        if (!ref17(data.post_start[iii])) return false
      }
    }
  }
  if ("pre_stop" in data && hasOwn(data, "pre_stop")) {
    if (!Array.isArray(data.pre_stop)) return false
    for (let jjj = 0; jjj < data.pre_stop.length; jjj++) {
      if (jjj in data.pre_stop && hasOwn(data.pre_stop, jjj)) {
        if (!ref17(data.pre_stop[jjj])) return false
      }
    }
  }
  if ("privileged" in data && hasOwn(data, "privileged")) {
    if (!(typeof data.privileged === "boolean" || typeof data.privileged === "string")) return false
  }
  if ("profiles" in data && hasOwn(data, "profiles")) {
    if (!ref3(data.profiles)) return false
  }
  if ("provider" in data && hasOwn(data, "provider")) {
    if (!(typeof data.provider === "object" && data.provider && !Array.isArray(data.provider))) return false
    if (!("type" in data.provider && hasOwn(data.provider, "type"))) return false
    if (!(typeof data.provider.type === "string")) return false
    if ("options" in data.provider && hasOwn(data.provider, "options")) {
      if (!(typeof data.provider.options === "object" && data.provider.options && !Array.isArray(data.provider.options))) return false
      for (const key70 of Object.keys(data.provider.options)) {
        if (data.provider.options[key70] !== undefined) {
          const sub40 = (() => {
            if (!(typeof data.provider.options[key70] === "string" || typeof data.provider.options[key70] === "number" || typeof data.provider.options[key70] === "boolean")) return false
            return true
          })()
          if (!sub40) {
            const sub41 = (() => {
              if (!(Array.isArray(data.provider.options[key70]))) return false
              for (let kkk = 0; kkk < data.provider.options[key70].length; kkk++) {
                if (kkk in data.provider.options[key70] && hasOwn(data.provider.options[key70], kkk)) {
                  if (!(typeof data.provider.options[key70][kkk] === "string" || typeof data.provider.options[key70][kkk] === "number" || typeof data.provider.options[key70][kkk] === "boolean")) return false
                }
              }
              return true
            })()
            if (!sub41) return false
          }
        }
      }
    }
    for (const key72 of Object.keys(data.provider)) {
      if (key72 !== "type" && key72 !== "options" && !(key72.startsWith("x-"))) return false
    }
  }
  if ("pull_policy" in data && hasOwn(data, "pull_policy")) {
    if (!(typeof data.pull_policy === "string")) return false
    if (!pattern3.test(data.pull_policy)) return false
  }
  if ("pull_refresh_after" in data && hasOwn(data, "pull_refresh_after")) {
    if (!(typeof data.pull_refresh_after === "string")) return false
  }
  if ("read_only" in data && hasOwn(data, "read_only")) {
    if (!(typeof data.read_only === "boolean" || typeof data.read_only === "string")) return false
  }
  if ("restart" in data && hasOwn(data, "restart")) {
    if (!(typeof data.restart === "string")) return false
    if (!pattern4.test(data.restart)) return false
  }
  if ("runtime" in data && hasOwn(data, "runtime")) {
    if (!(typeof data.runtime === "string")) return false
  }
  if ("scale" in data && hasOwn(data, "scale")) {
    if (!(Number.isInteger(data.scale) || typeof data.scale === "string")) return false
  }
  if ("secrets" in data && hasOwn(data, "secrets")) {
    if (!ref9(data.secrets)) return false
  }
  if ("security_opt" in data && hasOwn(data, "security_opt")) {
    if (!Array.isArray(data.security_opt)) return false
    for (let lll = 0; lll < data.security_opt.length; lll++) {
      if (lll in data.security_opt && hasOwn(data.security_opt, lll)) {
        if (!(typeof data.security_opt[lll] === "string")) return false
      }
    }
    if (!unique(data.security_opt)) return false
  }
  if ("shm_size" in data && hasOwn(data, "shm_size")) {
    if (!(typeof data.shm_size === "number" || typeof data.shm_size === "string")) return false
  }
  if ("stdin_open" in data && hasOwn(data, "stdin_open")) {
    if (!(typeof data.stdin_open === "boolean" || typeof data.stdin_open === "string")) return false
  }
  if ("stop_grace_period" in data && hasOwn(data, "stop_grace_period")) {
    if (!(typeof data.stop_grace_period === "string")) return false
  }
  if ("stop_signal" in data && hasOwn(data, "stop_signal")) {
    if (!(typeof data.stop_signal === "string")) return false
  }
  if ("storage_opt" in data && hasOwn(data, "storage_opt")) {
    if (!(typeof data.storage_opt === "object" && data.storage_opt && !Array.isArray(data.storage_opt))) return false
  }
  if ("sysctls" in data && hasOwn(data, "sysctls")) {
    if (!ref5(data.sysctls)) return false
  }
  if ("tmpfs" in data && hasOwn(data, "tmpfs")) {
    if (!ref2(data.tmpfs)) return false
  }
  if ("tty" in data && hasOwn(data, "tty")) {
    if (!(typeof data.tty === "boolean" || typeof data.tty === "string")) return false
  }
  if ("ulimits" in data && hasOwn(data, "ulimits")) {
    if (!ref10(data.ulimits)) return false
  }
  if ("use_api_socket" in data && hasOwn(data, "use_api_socket")) {
    if (!(typeof data.use_api_socket === "boolean")) return false
  }
  if ("user" in data && hasOwn(data, "user")) {
    if (!(typeof data.user === "string")) return false
  }
  if ("userns_mode" in data && hasOwn(data, "userns_mode")) {
    if (!(typeof data.userns_mode === "string")) return false
  }
  if ("uts" in data && hasOwn(data, "uts")) {
    if (!(typeof data.uts === "string")) return false
  }
  if ("volumes" in data && hasOwn(data, "volumes")) {
    if (!Array.isArray(data.volumes)) return false
    for (let mmm = 0; mmm < data.volumes.length; mmm++) {
      if (mmm in data.volumes && hasOwn(data.volumes, mmm)) {
        const sub42 = (() => {
          if (!(typeof data.volumes[mmm] === "string")) return false
          return true
        })()
        if (!sub42) {
          const sub43 = (() => {
            if (!(typeof data.volumes[mmm] === "object" && data.volumes[mmm] && !Array.isArray(data.volumes[mmm]))) return false
            if (!("type" in data.volumes[mmm] && hasOwn(data.volumes[mmm], "type"))) return false
            if ("bind" in data.volumes[mmm] && hasOwn(data.volumes[mmm], "bind")) {
              if (!(typeof data.volumes[mmm].bind === "object" && data.volumes[mmm].bind && !Array.isArray(data.volumes[mmm].bind))) return false
              if ("create_host_path" in data.volumes[mmm].bind && hasOwn(data.volumes[mmm].bind, "create_host_path")) {
                if (!(typeof data.volumes[mmm].bind.create_host_path === "boolean" || typeof data.volumes[mmm].bind.create_host_path === "string")) return false
              }
              if ("propagation" in data.volumes[mmm].bind && hasOwn(data.volumes[mmm].bind, "propagation")) {
                if (!(typeof data.volumes[mmm].bind.propagation === "string")) return false
              }
              if ("recursive" in data.volumes[mmm].bind && hasOwn(data.volumes[mmm].bind, "recursive")) {
                if (!(typeof data.volumes[mmm].bind.recursive === "string")) return false
                if (!(data.volumes[mmm].bind.recursive === "enabled" || data.volumes[mmm].bind.recursive === "disabled" || data.volumes[mmm].bind.recursive === "writable" || data.volumes[mmm].bind.recursive === "readonly")) return false
              }
              if ("selinux" in data.volumes[mmm].bind && hasOwn(data.volumes[mmm].bind, "selinux")) {
                if (!(typeof data.volumes[mmm].bind.selinux === "string")) return false
                if (!(data.volumes[mmm].bind.selinux === "z" || data.volumes[mmm].bind.selinux === "Z")) return false
              }
              for (const key74 of Object.keys(data.volumes[mmm].bind)) {
                if (key74 !== "create_host_path" && key74 !== "propagation" && key74 !== "recursive" && key74 !== "selinux" && !(key74.startsWith("x-"))) return false
              }
            }
            if ("consistency" in data.volumes[mmm] && hasOwn(data.volumes[mmm], "consistency")) {
              if (!(typeof data.volumes[mmm].consistency === "string")) return false
            }
            if ("image" in data.volumes[mmm] && hasOwn(data.volumes[mmm], "image")) {
              if (!(typeof data.volumes[mmm].image === "object" && data.volumes[mmm].image && !Array.isArray(data.volumes[mmm].image))) return false
              if ("subpath" in data.volumes[mmm].image && hasOwn(data.volumes[mmm].image, "subpath")) {
                if (!(typeof data.volumes[mmm].image.subpath === "string")) return false
              }
              for (const key76 of Object.keys(data.volumes[mmm].image)) {
                if (key76 !== "subpath" && !(key76.startsWith("x-"))) return false
              }
            }
            if ("read_only" in data.volumes[mmm] && hasOwn(data.volumes[mmm], "read_only")) {
              if (!(typeof data.volumes[mmm].read_only === "boolean" || typeof data.volumes[mmm].read_only === "string")) return false
            }
            if ("source" in data.volumes[mmm] && hasOwn(data.volumes[mmm], "source")) {
              if (!(typeof data.volumes[mmm].source === "string")) return false
            }
            if ("target" in data.volumes[mmm] && hasOwn(data.volumes[mmm], "target")) {
              if (!(typeof data.volumes[mmm].target === "string")) return false
            }
            if ("tmpfs" in data.volumes[mmm] && hasOwn(data.volumes[mmm], "tmpfs")) {
              if (!(typeof data.volumes[mmm].tmpfs === "object" && data.volumes[mmm].tmpfs && !Array.isArray(data.volumes[mmm].tmpfs))) return false
              if ("mode" in data.volumes[mmm].tmpfs && hasOwn(data.volumes[mmm].tmpfs, "mode")) {
                if (!(typeof data.volumes[mmm].tmpfs.mode === "number" || typeof data.volumes[mmm].tmpfs.mode === "string")) return false
              }
              if ("size" in data.volumes[mmm].tmpfs && hasOwn(data.volumes[mmm].tmpfs, "size")) {
                if (!(Number.isInteger(data.volumes[mmm].tmpfs.size) || typeof data.volumes[mmm].tmpfs.size === "string")) return false
                if (typeof data.volumes[mmm].tmpfs.size === "number") {
                  if (!(0 <= data.volumes[mmm].tmpfs.size)) return false
                }
              }
              for (const key78 of Object.keys(data.volumes[mmm].tmpfs)) {
                if (key78 !== "mode" && key78 !== "size" && !(key78.startsWith("x-"))) return false
              }
            }
            if (!(typeof data.volumes[mmm].type === "string")) return false
            if (!(data.volumes[mmm].type === "bind" || data.volumes[mmm].type === "volume" || data.volumes[mmm].type === "tmpfs" || data.volumes[mmm].type === "cluster" || data.volumes[mmm].type === "npipe" || data.volumes[mmm].type === "image")) return false
            if ("volume" in data.volumes[mmm] && hasOwn(data.volumes[mmm], "volume")) {
              if (!(typeof data.volumes[mmm].volume === "object" && data.volumes[mmm].volume && !Array.isArray(data.volumes[mmm].volume))) return false
              if ("labels" in data.volumes[mmm].volume && hasOwn(data.volumes[mmm].volume, "labels")) {
                if (!ref5(data.volumes[mmm].volume.labels)) return false
              }
              if ("nocopy" in data.volumes[mmm].volume && hasOwn(data.volumes[mmm].volume, "nocopy")) {
                if (!(typeof data.volumes[mmm].volume.nocopy === "boolean" || typeof data.volumes[mmm].volume.nocopy === "string")) return false
              }
              if ("subpath" in data.volumes[mmm].volume && hasOwn(data.volumes[mmm].volume, "subpath")) {
                if (!(typeof data.volumes[mmm].volume.subpath === "string")) return false
              }
              for (const key80 of Object.keys(data.volumes[mmm].volume)) {
                if (key80 !== "labels" && key80 !== "nocopy" && key80 !== "subpath" && !(key80.startsWith("x-"))) return false
              }
            }
            for (const key82 of Object.keys(data.volumes[mmm])) {
              if (key82 !== "bind" && key82 !== "consistency" && key82 !== "image" && key82 !== "read_only" && key82 !== "source" && key82 !== "target" && key82 !== "tmpfs" && key82 !== "type" && key82 !== "volume" && !(key82.startsWith("x-"))) return false
            }
            return true
          })()
          if (!sub43) return false
        }
      }
    }
    if (!unique(data.volumes)) return false
  }
  if ("volumes_from" in data && hasOwn(data, "volumes_from")) {
    if (!Array.isArray(data.volumes_from)) return false
    for (let nnn = 0; nnn < data.volumes_from.length; nnn++) {
      if (nnn in data.volumes_from && hasOwn(data.volumes_from, nnn)) {
        if (!(typeof data.volumes_from[nnn] === "string")) return false
      }
    }
    if (!unique(data.volumes_from)) return false
  }
  if ("working_dir" in data && hasOwn(data, "working_dir")) {
    if (!(typeof data.working_dir === "string")) return false
  }
  for (const key84 of Object.keys(data)) {
    if (key84 !== "annotations" && key84 !== "attach" && key84 !== "blkio_config" && key84 !== "build" && key84 !== "cap_add" && key84 !== "cap_drop" && key84 !== "cgroup" && key84 !== "cgroup_parent" && key84 !== "command" && key84 !== "configs" && key84 !== "container_name" && key84 !== "cpu_count" && key84 !== "cpu_percent" && key84 !== "cpu_period" && key84 !== "cpu_quota" && key84 !== "cpu_rt_period" && key84 !== "cpu_rt_runtime" && key84 !== "cpu_shares" && key84 !== "cpus" && key84 !== "cpuset" && key84 !== "credential_spec" && key84 !== "depends_on" && key84 !== "deploy" && key84 !== "develop" && key84 !== "device_cgroup_rules" && key84 !== "devices" && key84 !== "dns" && key84 !== "dns_opt" && key84 !== "dns_search" && key84 !== "domainname" && key84 !== "entrypoint" && key84 !== "env_file" && key84 !== "environment" && key84 !== "expose" && key84 !== "extends" && key84 !== "external_links" && key84 !== "extra_hosts" && key84 !== "gpus" && key84 !== "group_add" && key84 !== "healthcheck" && key84 !== "hostname" && key84 !== "image" && key84 !== "init" && key84 !== "ipc" && key84 !== "isolation" && key84 !== "label_file" && key84 !== "labels" && key84 !== "links" && key84 !== "logging" && key84 !== "mac_address" && key84 !== "mem_limit" && key84 !== "mem_reservation" && key84 !== "mem_swappiness" && key84 !== "memswap_limit" && key84 !== "models" && key84 !== "network_mode" && key84 !== "networks" && key84 !== "oom_kill_disable" && key84 !== "oom_score_adj" && key84 !== "pid" && key84 !== "pids_limit" && key84 !== "platform" && key84 !== "ports" && key84 !== "post_start" && key84 !== "pre_stop" && key84 !== "privileged" && key84 !== "profiles" && key84 !== "provider" && key84 !== "pull_policy" && key84 !== "pull_refresh_after" && key84 !== "read_only" && key84 !== "restart" && key84 !== "runtime" && key84 !== "scale" && key84 !== "secrets" && key84 !== "security_opt" && key84 !== "shm_size" && key84 !== "stdin_open" && key84 !== "stop_grace_period" && key84 !== "stop_signal" && key84 !== "storage_opt" && key84 !== "sysctls" && key84 !== "tmpfs" && key84 !== "tty" && key84 !== "ulimits" && key84 !== "use_api_socket" && key84 !== "user" && key84 !== "userns_mode" && key84 !== "uts" && key84 !== "volumes" && key84 !== "volumes_from" && key84 !== "working_dir" && !(key84.startsWith("x-"))) return false
  }
  return true
};
const ref22 = function validate(data) {
  if (!(typeof data === "boolean" || typeof data === "string" || typeof data === "object" && data && !Array.isArray(data))) return false
  if (typeof data === "object" && data && !Array.isArray(data)) {
    if ("name" in data && hasOwn(data, "name")) {
      if (!(typeof data.name === "string")) return false
    }
    for (const key89 of Object.keys(data)) {
      if (key89 !== "name" && !(key89.startsWith("x-"))) return false
    }
  }
  return true
};
const ref21 = function validate(data) {
  if (!(typeof data === "object" && data && !Array.isArray(data) || data === null)) return false
  if (typeof data === "object" && data && !Array.isArray(data)) {
    if ("attachable" in data && hasOwn(data, "attachable")) {
      if (!(typeof data.attachable === "boolean" || typeof data.attachable === "string")) return false
    }
    if ("driver" in data && hasOwn(data, "driver")) {
      if (!(typeof data.driver === "string")) return false
    }
    if ("driver_opts" in data && hasOwn(data, "driver_opts")) {
      if (!(typeof data.driver_opts === "object" && data.driver_opts && !Array.isArray(data.driver_opts))) return false
      for (const key87 of Object.keys(data.driver_opts)) {
        if (data.driver_opts[key87] !== undefined) {
          if (!(typeof data.driver_opts[key87] === "string" || typeof data.driver_opts[key87] === "number")) return false
        }
      }
    }
    if ("enable_ipv4" in data && hasOwn(data, "enable_ipv4")) {
      if (!(typeof data.enable_ipv4 === "boolean" || typeof data.enable_ipv4 === "string")) return false
    }
    if ("enable_ipv6" in data && hasOwn(data, "enable_ipv6")) {
      if (!(typeof data.enable_ipv6 === "boolean" || typeof data.enable_ipv6 === "string")) return false
    }
    if ("external" in data && hasOwn(data, "external")) {
      if (!ref22(data.external)) return false
    }
    if ("internal" in data && hasOwn(data, "internal")) {
      if (!(typeof data.internal === "boolean" || typeof data.internal === "string")) return false
    }
    if ("ipam" in data && hasOwn(data, "ipam")) {
      if (!(typeof data.ipam === "object" && data.ipam && !Array.isArray(data.ipam))) return false
      if ("config" in data.ipam && hasOwn(data.ipam, "config")) {
        if (!Array.isArray(data.ipam.config)) return false
        for (let ooo = 0; ooo < data.ipam.config.length; ooo++) {
          if (ooo in data.ipam.config && hasOwn(data.ipam.config, ooo)) {
            if (!(typeof data.ipam.config[ooo] === "object" && data.ipam.config[ooo] && !Array.isArray(data.ipam.config[ooo]))) return false
            if ("aux_addresses" in data.ipam.config[ooo] && hasOwn(data.ipam.config[ooo], "aux_addresses")) {
              if (!(typeof data.ipam.config[ooo].aux_addresses === "object" && data.ipam.config[ooo].aux_addresses && !Array.isArray(data.ipam.config[ooo].aux_addresses))) return false
              for (const key90 of Object.keys(data.ipam.config[ooo].aux_addresses)) {
                if (data.ipam.config[ooo].aux_addresses[key90] !== undefined) {
                  if (!(typeof data.ipam.config[ooo].aux_addresses[key90] === "string")) return false
                }
              }
            }
            if ("gateway" in data.ipam.config[ooo] && hasOwn(data.ipam.config[ooo], "gateway")) {
              if (!(typeof data.ipam.config[ooo].gateway === "string")) return false
            }
            if ("ip_range" in data.ipam.config[ooo] && hasOwn(data.ipam.config[ooo], "ip_range")) {
              if (!(typeof data.ipam.config[ooo].ip_range === "string")) return false
            }
            if ("subnet" in data.ipam.config[ooo] && hasOwn(data.ipam.config[ooo], "subnet")) {
              if (!(typeof data.ipam.config[ooo].subnet === "string")) return false
            }
            for (const key92 of Object.keys(data.ipam.config[ooo])) {
              if (key92 !== "aux_addresses" && key92 !== "gateway" && key92 !== "ip_range" && key92 !== "subnet" && !(key92.startsWith("x-"))) return false
            }
          }
        }
      }
      if ("driver" in data.ipam && hasOwn(data.ipam, "driver")) {
        if (!(typeof data.ipam.driver === "string")) return false
      }
      if ("options" in data.ipam && hasOwn(data.ipam, "options")) {
        if (!(typeof data.ipam.options === "object" && data.ipam.options && !Array.isArray(data.ipam.options))) return false
        for (const key93 of Object.keys(data.ipam.options)) {
          if (data.ipam.options[key93] !== undefined) {
            if (!(typeof data.ipam.options[key93] === "string")) return false
          }
        }
      }
      for (const key95 of Object.keys(data.ipam)) {
        if (key95 !== "config" && key95 !== "driver" && key95 !== "options" && !(key95.startsWith("x-"))) return false
      }
    }
    if ("labels" in data && hasOwn(data, "labels")) {
      if (!ref5(data.labels)) return false
    }
    if ("name" in data && hasOwn(data, "name")) {
      if (!(typeof data.name === "string")) return false
    }
    for (const key97 of Object.keys(data)) {
      if (key97 !== "attachable" && key97 !== "driver" && key97 !== "driver_opts" && key97 !== "enable_ipv4" && key97 !== "enable_ipv6" && key97 !== "external" && key97 !== "internal" && key97 !== "ipam" && key97 !== "labels" && key97 !== "name" && !(key97.startsWith("x-"))) return false
    }
  }
  return true
};
const ref23 = function validate(data) {
  if (!(typeof data === "object" && data && !Array.isArray(data) || data === null)) return false
  if (typeof data === "object" && data && !Array.isArray(data)) {
    if ("driver" in data && hasOwn(data, "driver")) {
      if (!(typeof data.driver === "string")) return false
    }
    if ("driver_opts" in data && hasOwn(data, "driver_opts")) {
      if (!(typeof data.driver_opts === "object" && data.driver_opts && !Array.isArray(data.driver_opts))) return false
      for (const key100 of Object.keys(data.driver_opts)) {
        if (data.driver_opts[key100] !== undefined) {
          if (!(typeof data.driver_opts[key100] === "string" || typeof data.driver_opts[key100] === "number")) return false
        }
      }
    }
    if ("external" in data && hasOwn(data, "external")) {
      if (!ref22(data.external)) return false
    }
    if ("labels" in data && hasOwn(data, "labels")) {
      if (!ref5(data.labels)) return false
    }
    if ("name" in data && hasOwn(data, "name")) {
      if (!(typeof data.name === "string")) return false
    }
    for (const key102 of Object.keys(data)) {
      if (key102 !== "driver" && key102 !== "driver_opts" && key102 !== "external" && key102 !== "labels" && key102 !== "name" && !(key102.startsWith("x-"))) return false
    }
  }
  return true
};
const ref24 = function validate(data) {
  if (!(typeof data === "object" && data && !Array.isArray(data))) return false
  if ("driver" in data && hasOwn(data, "driver")) {
    if (!(typeof data.driver === "string")) return false
  }
  if ("driver_opts" in data && hasOwn(data, "driver_opts")) {
    if (!(typeof data.driver_opts === "object" && data.driver_opts && !Array.isArray(data.driver_opts))) return false
    for (const key105 of Object.keys(data.driver_opts)) {
      if (data.driver_opts[key105] !== undefined) {
        if (!(typeof data.driver_opts[key105] === "string" || typeof data.driver_opts[key105] === "number")) return false
      }
    }
  }
  if ("environment" in data && hasOwn(data, "environment")) {
    if (!(typeof data.environment === "string")) return false
  }
  if ("external" in data && hasOwn(data, "external")) {
    if (!ref22(data.external)) return false
  }
  if ("file" in data && hasOwn(data, "file")) {
    if (!(typeof data.file === "string")) return false
  }
  if ("labels" in data && hasOwn(data, "labels")) {
    if (!ref5(data.labels)) return false
  }
  if ("name" in data && hasOwn(data, "name")) {
    if (!(typeof data.name === "string")) return false
  }
  if ("template_driver" in data && hasOwn(data, "template_driver")) {
    if (!(typeof data.template_driver === "string")) return false
  }
  for (const key107 of Object.keys(data)) {
    if (key107 !== "driver" && key107 !== "driver_opts" && key107 !== "environment" && key107 !== "external" && key107 !== "file" && key107 !== "labels" && key107 !== "name" && key107 !== "template_driver" && !(key107.startsWith("x-"))) return false
  }
  return true
};
const ref25 = function validate(data) {
  if (!(typeof data === "object" && data && !Array.isArray(data))) return false
  if ("content" in data && hasOwn(data, "content")) {
    if (!(typeof data.content === "string")) return false
  }
  if ("environment" in data && hasOwn(data, "environment")) {
    if (!(typeof data.environment === "string")) return false
  }
  if ("external" in data && hasOwn(data, "external")) {
    if (!ref22(data.external)) return false
  }
  if ("file" in data && hasOwn(data, "file")) {
    if (!(typeof data.file === "string")) return false
  }
  if ("labels" in data && hasOwn(data, "labels")) {
    if (!ref5(data.labels)) return false
  }
  if ("name" in data && hasOwn(data, "name")) {
    if (!(typeof data.name === "string")) return false
  }
  if ("template_driver" in data && hasOwn(data, "template_driver")) {
    if (!(typeof data.template_driver === "string")) return false
  }
  for (const key111 of Object.keys(data)) {
    if (key111 !== "content" && key111 !== "environment" && key111 !== "external" && key111 !== "file" && key111 !== "labels" && key111 !== "name" && key111 !== "template_driver" && !(key111.startsWith("x-"))) return false
  }
  return true
};
const ref26 = function validate(data) {
  if (!(typeof data === "object" && data && !Array.isArray(data))) return false
  if ("context_size" in data && hasOwn(data, "context_size")) {
    if (!Number.isInteger(data.context_size)) return false
  }
  if ("model" in data && hasOwn(data, "model")) {
    if (!(typeof data.model === "string")) return false
  }
  if ("name" in data && hasOwn(data, "name")) {
    if (!(typeof data.name === "string")) return false
  }
  if ("runtime_flags" in data && hasOwn(data, "runtime_flags")) {
    if (!Array.isArray(data.runtime_flags)) return false
    for (let ppp = 0; ppp < data.runtime_flags.length; ppp++) {
      if (ppp in data.runtime_flags && hasOwn(data.runtime_flags, ppp)) {
        if (!(typeof data.runtime_flags[ppp] === "string")) return false
      }
    }
  }
  for (const key115 of Object.keys(data)) {
    if (key115 !== "context_size" && key115 !== "model" && key115 !== "name" && key115 !== "runtime_flags" && !(key115.startsWith("x-"))) return false
  }
  return true
};
const ref0 = function validate(data) {
  if (!(typeof data === "object" && data && !Array.isArray(data))) return false
  if ("version" in data && hasOwn(data, "version")) {
    if (!(typeof data.version === "string" || typeof data.version === "number")) return false
  }
  if ("name" in data && hasOwn(data, "name")) {
    if (!(typeof data.name === "string")) return false
    if (!pattern0.test(data.name)) return false
  }
  if ("include" in data && hasOwn(data, "include")) {
    if (!Array.isArray(data.include)) return false
    for (let i = 0; i < data.include.length; i++) {
      if (i in data.include && hasOwn(data.include, i)) {
        if (!ref1(data.include[i])) return false
      }
    }
  }
  if ("services" in data && hasOwn(data, "services")) {
    if (!(typeof data.services === "object" && data.services && !Array.isArray(data.services))) return false
    for (const key1 of Object.keys(data.services)) {
      if (pattern1.test(key1)) {
        if (data.services[key1] !== undefined) {
          if (!ref4(data.services[key1])) return false
        }
      }
    }
    for (const key85 of Object.keys(data.services)) {
      if (!(key85.startsWith("x-")) && !pattern1.test(key85)) return false
    }
  }
  if ("networks" in data && hasOwn(data, "networks")) {
    if (!(typeof data.networks === "object" && data.networks && !Array.isArray(data.networks))) return false
    for (const key86 of Object.keys(data.networks)) {
      if (pattern1.test(key86)) {
        if (data.networks[key86] !== undefined) {
          if (!ref21(data.networks[key86])) return false
        }
      }
    }
    for (const key98 of Object.keys(data.networks)) {
      if (!(key98.startsWith("x-")) && !pattern1.test(key98)) return false
    }
  }
  if ("volumes" in data && hasOwn(data, "volumes")) {
    if (!(typeof data.volumes === "object" && data.volumes && !Array.isArray(data.volumes))) return false
    for (const key99 of Object.keys(data.volumes)) {
      if (pattern1.test(key99)) {
        if (data.volumes[key99] !== undefined) {
          if (!ref23(data.volumes[key99])) return false
        }
      }
    }
    for (const key103 of Object.keys(data.volumes)) {
      if (!(key103.startsWith("x-")) && !pattern1.test(key103)) return false
    }
  }
  if ("secrets" in data && hasOwn(data, "secrets")) {
    if (!(typeof data.secrets === "object" && data.secrets && !Array.isArray(data.secrets))) return false
    for (const key104 of Object.keys(data.secrets)) {
      if (pattern1.test(key104)) {
        if (data.secrets[key104] !== undefined) {
          if (!ref24(data.secrets[key104])) return false
        }
      }
    }
    for (const key108 of Object.keys(data.secrets)) {
      if (!(key108.startsWith("x-")) && !pattern1.test(key108)) return false
    }
  }
  if ("configs" in data && hasOwn(data, "configs")) {
    if (!(typeof data.configs === "object" && data.configs && !Array.isArray(data.configs))) return false
    for (const key109 of Object.keys(data.configs)) {
      if (pattern1.test(key109)) {
        if (data.configs[key109] !== undefined) {
          if (!ref25(data.configs[key109])) return false
        }
      }
    }
    for (const key112 of Object.keys(data.configs)) {
      if (!(key112.startsWith("x-")) && !pattern1.test(key112)) return false
    }
  }
  if ("models" in data && hasOwn(data, "models")) {
    if (!(typeof data.models === "object" && data.models && !Array.isArray(data.models))) return false
    for (const key113 of Object.keys(data.models)) {
      if (pattern1.test(key113)) {
        if (data.models[key113] !== undefined) {
          if (!ref26(data.models[key113])) return false
        }
      }
    }
    for (const key116 of Object.keys(data.models)) {
      if (!(key116.startsWith("x-")) && !pattern1.test(key116)) return false
    }
  }
  for (const key118 of Object.keys(data)) {
    if (key118 !== "version" && key118 !== "name" && key118 !== "include" && key118 !== "services" && key118 !== "networks" && key118 !== "volumes" && key118 !== "secrets" && key118 !== "configs" && key118 !== "models" && !(key118.startsWith("x-"))) return false
  }
  return true
};
return ref0})();;
export default validate;
