/**
 * The document's name tables (docutils' `document.nameids`, `nametypes`,
 * `ids`): every section title is an implicit target, every hyperlink target,
 * footnote, citation and `:name:` option an explicit one. Only what decides
 * docutils' "Duplicate implicit/explicit target name" messages is kept.
 */
import type { DNode } from './block-machine.js';
import type { LineSpec } from './context.js';
import type { Reporter } from './reporter.js';

export class NameTable {
  private readonly nameIds = new Map<string, number | null>();
  private readonly nameTypes = new Map<string, boolean>();
  private readonly idNodes = new Map<number, DNode>();
  private nextId = 1;

  constructor(private readonly reporter: Reporter) {}

  /** document.note_implicit_target. */
  noteImplicitTarget(node: DNode, msgnode: DNode | null, line: LineSpec): void {
    this.setNameIdMap(node, this.setId(node), msgnode, false, line);
  }

  /** document.note_explicit_target. */
  noteExplicitTarget(node: DNode, msgnode: DNode | null, line: LineSpec): void {
    this.setNameIdMap(node, this.setId(node), msgnode, true, line);
  }

  private setId(node: DNode): number {
    const id = this.nextId++;
    this.idNodes.set(id, node);
    return id;
  }

  /** document.set_name_id_map + set_duplicate_name_id. */
  private setNameIdMap(node: DNode, id: number, msgnode: DNode | null, explicit: boolean, line: LineSpec): void {
    const names = node.names ?? [];
    for (const name of [...names]) {
      if (!this.nameIds.has(name)) {
        this.nameIds.set(name, id);
        this.nameTypes.set(name, explicit);
        continue;
      }
      const oldId = this.nameIds.get(name) ?? null;
      const oldExplicit = this.nameTypes.get(name) ?? false;
      this.nameTypes.set(name, oldExplicit || explicit);
      if (explicit) {
        if (oldExplicit) {
          let redundant = false;
          if (oldId !== null) {
            const oldNode = this.idNodes.get(oldId);
            const refuri = node.tag === 'target' ? node.refuri : undefined;
            redundant = refuri !== undefined && oldNode?.tag === 'target' && oldNode.refuri === refuri && (oldNode.names ?? []).length > 0;
            if (!redundant) this.nameIds.set(name, null);
          }
          const msg = this.reporter.report(redundant ? 'redundant-explicit-target' : 'duplicate-explicit-target', { name }, line);
          if (msgnode) msgnode.children.push(msg);
        } else {
          this.nameIds.set(name, id);
        }
      } else if (oldId !== null && !oldExplicit) {
        this.nameIds.set(name, null);
      }
      if (!explicit || (!oldExplicit && oldId !== null)) {
        const msg = this.reporter.report('duplicate-implicit-target', { name }, line);
        if (msgnode) msgnode.children.push(msg);
      }
    }
  }
}
