/**
 * Driving the VS Code workbench (code-server in Chromium) the way a user does: keyboard shortcuts, the command
 * palette, quick inputs. Every helper waits for a condition in the DOM — never for a fixed time.
 */
import type { Frame, Locator, Page } from 'playwright-core';

export const LONG = 120_000; // first start, extension activation, language server start
export const SHORT = 30_000;

const mod = 'Control';

export class Workbench {
  constructor(readonly page: Page) {}

  async waitReady(): Promise<void> {
    await this.page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: LONG });
    await this.page.locator('.statusbar').waitFor({ state: 'visible', timeout: LONG });
    // The explorer shows the workspace once the remote file system is connected.
    await this.page.locator('.explorer-folders-view, .explorer-viewlet').first().waitFor({ state: 'attached', timeout: LONG });
  }

  get quickInput(): Locator {
    return this.page.locator('.quick-input-widget');
  }

  get quickInputBox(): Locator {
    return this.page.locator('.quick-input-widget .quick-input-box input');
  }

  async closeQuickInput(): Promise<void> {
    if (await this.quickInput.isVisible()) {
      await this.page.keyboard.press('Escape');
      await this.quickInput.waitFor({ state: 'hidden', timeout: SHORT });
    }
  }

  /**
   * Runs a command from the palette by its exact title (the way a user finds it). The palette closes when it loses
   * focus, e.g. to an editor that an earlier click is still opening; then it is opened again (a bounded retry on a
   * visible condition, not a timed wait).
   */
  async runCommand(title: string): Promise<void> {
    const row = this.quickPickRow(title);
    for (let attempt = 1; ; attempt++) {
      try {
        await this.closeQuickInput();
        await this.page.keyboard.press('F1');
        await this.quickInputBox.waitFor({ state: 'visible', timeout: 5_000 });
        await this.quickInputBox.fill(`>${title}`);
        await row.waitFor({ state: 'visible', timeout: SHORT });
        await row.click({ timeout: 5_000 });
        break;
      } catch (e) {
        if (attempt >= 3) throw e;
        console.log(`      (command palette closed before “${title}” ran; opening it again)`);
      }
    }
    await this.quickInput.waitFor({ state: 'hidden', timeout: SHORT }).catch(() => undefined); // commands may open another quick input
  }

  /** A quick-pick row whose label (category prefix allowed) is exactly `label`. */
  quickPickRow(label: string): Locator {
    return this.page
      .locator('.quick-input-list .monaco-list-row')
      .filter({ has: this.page.locator('.label-name', { hasText: new RegExp(`(^|: )${escapeRe(label)}$`) }) })
      .first();
  }

  /** Opens a workspace file with Quick Open (ctrl+p) and waits for its editor tab to be active. */
  async openFile(name: string): Promise<void> {
    await this.closeQuickInput();
    await this.page.keyboard.press(`${mod}+P`);
    await this.quickInputBox.waitFor({ state: 'visible', timeout: SHORT });
    await this.quickInputBox.fill(name);
    const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
    await row.waitFor({ state: 'visible', timeout: LONG }); // the file search index may still be warming up
    await this.page.keyboard.press('Enter');
    await this.activeTab(name).waitFor({ state: 'visible', timeout: SHORT });
    await this.editor.locator('.view-lines').waitFor({ state: 'visible', timeout: SHORT });
  }

  activeTab(name: string): Locator {
    return this.page.locator(`.tabs-container .tab.active[data-resource-name="${name}"]`).first();
  }

  /** The text editor that has (or last had) focus in the active editor group. */
  get editor(): Locator {
    return this.page.locator('.editor-group-container.active .monaco-editor').first();
  }

  /** A button in the active editor group's title bar, by its tooltip (a command title). */
  editorTitleAction(label: string): Locator {
    return this.page.locator(`.editor-group-container.active .editor-actions .action-label[aria-label^="${label}"]`).first();
  }

  async focusEditor(): Promise<void> {
    await this.closeQuickInput();
    await this.runCommand('View: Focus Active Editor Group');
    await this.editor.locator('textarea.inputarea, .native-edit-context').first().waitFor({ state: 'attached', timeout: SHORT });
  }

  /** Moves the cursor to a 1-based line:column with Go to Line (ctrl+g), as a user would. */
  async goTo(line: number, column: number): Promise<void> {
    await this.closeQuickInput();
    await this.page.keyboard.press(`${mod}+G`);
    await this.quickInputBox.waitFor({ state: 'visible', timeout: SHORT });
    await this.quickInputBox.fill(`:${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await this.quickInput.waitFor({ state: 'hidden', timeout: SHORT });
    await this.waitForCursor(line, column);
  }

  /** Saves the editor of `name` (it must have unsaved edits) and waits until the write is done (tab no longer dirty). */
  async save(name: string): Promise<void> {
    const dirty = this.page.locator(`.tabs-container .tab.dirty[data-resource-name="${name}"]`);
    await dirty.waitFor({ state: 'visible', timeout: SHORT });
    await this.page.keyboard.press(`${mod}+S`);
    await dirty.waitFor({ state: 'detached', timeout: SHORT });
  }

  get problemsPanel(): Locator {
    return this.page.locator('.markers-panel');
  }

  async openProblems(): Promise<void> {
    await this.runCommand('View: Focus Problems (Errors, Warnings, Infos)');
    await this.problemsPanel.waitFor({ state: 'visible', timeout: SHORT });
  }

  /** Sets the Problems panel filter (matches message, source and code) and returns the rows (file rows included). */
  async filterProblems(text: string, { expectRows = true } = {}): Promise<Locator> {
    const filter = this.page.locator('.markers-panel-action-filter input, .viewpane-filter input').first();
    await filter.waitFor({ state: 'visible', timeout: SHORT });
    // The panel redraws its filter box when its first problems arrive, dropping what was typed before: type
    // until the box holds the text and the list has drawn rows under it (when rows are expected at all).
    const rows = this.problemsPanel.locator('.monaco-list-row');
    for (let attempt = 0; ; attempt++) {
      await filter.fill(text);
      if (expectRows) await rows.first().waitFor({ state: 'visible', timeout: LONG });
      if ((await filter.inputValue()) === text || attempt === 3) break;
    }
    return rows;
  }

  /** Opens a Problems row in its editor (double-click: the cursor lands on the problem, focus in the editor). */
  async openProblem(row: Locator): Promise<void> {
    const where = /\[(?:Ln|行) (\d+), (?:Col|列) (\d+)\]/.exec(await row.innerText());
    if (!where) throw new Error(`problem row has no position: ${await row.innerText()}`);
    await row.dblclick();
    await this.waitForCursor(Number(where[1])); // the problem's range is selected; the cursor is at its end
    await this.page.locator('.editor-group-container.active .monaco-editor.focused').waitFor({ state: 'visible', timeout: SHORT });
  }

  async waitForCursor(line: number, column?: number): Promise<void> {
    const col = column === undefined ? '\\d+' : String(column);
    await this.page
      .locator('.statusbar-item', { hasText: new RegExp(`Ln ${line}, Col ${col}\\b|行 ${line}，列 ${col}\\b`) })
      .first()
      .waitFor({ state: 'visible', timeout: SHORT });
  }

  get hover(): Locator {
    return this.page.locator('.monaco-hover:visible, .workbench-hover:visible').first();
  }

  get suggestWidget(): Locator {
    return this.page.locator('.editor-widget.suggest-widget.visible');
  }

  /**
   * Moves a list's keyboard focus down to `item` (as a user does with the arrow keys), so Enter picks it. Menus like
   * the quick-fix list put a pointer-blocking layer over the editor, so clicking is not how they are driven.
   */
  async focusListItem(list: Locator, item: Locator): Promise<void> {
    const isFocused = () => item.evaluate((e) => e.classList.contains('focused'));
    const rows = await list.locator('.monaco-list-row').count();
    for (let i = 0; i <= rows && !(await isFocused()); i++) await this.page.keyboard.press('ArrowDown');
    if (!(await isFocused())) throw new Error(`could not focus “${await item.innerText()}” in the list`);
  }

  async selectSuggestion(item: Locator): Promise<void> {
    await this.focusListItem(this.suggestWidget, item);
  }

  /** Picks a code action (quick fix) by its title from the open quick-fix menu. */
  async applyCodeAction(title: string): Promise<void> {
    const item = this.actionWidget.locator('.monaco-list-row', { hasText: title }).first();
    await item.waitFor({ state: 'visible', timeout: SHORT });
    await this.focusListItem(this.actionWidget, item);
    await this.page.keyboard.press('Enter');
    await this.actionWidget.locator('.monaco-list').waitFor({ state: 'hidden', timeout: SHORT });
  }

  /** The quick-fix / code-action menu. */
  get actionWidget(): Locator {
    return this.page.locator('.action-widget');
  }

  /** Finds the frame (webviews are nested iframes) that contains `selector`, waiting until one does. */
  async frameWith(selector: string, timeoutMs = LONG): Promise<Frame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (const frame of this.page.frames()) {
        if (frame === this.page.mainFrame()) continue;
        try {
          if (await frame.$(selector)) return frame;
        } catch {
          // frame navigated or detached while looking; look again
        }
      }
      if (Date.now() > deadline) throw new Error(`no webview frame contains ${selector} after ${timeoutMs / 1000}s`);
      await this.page.waitForEvent('framenavigated', { timeout: 1_000 }).catch(() => undefined);
    }
  }

  /** Waits until an input's value matches `pattern` (inputs fill asynchronously) and returns it. */
  async waitForInputValue(input: Locator, pattern: RegExp, timeoutMs = SHORT): Promise<string> {
    const handle = await input.elementHandle({ timeout: timeoutMs });
    if (!handle) throw new Error('input not found');
    await this.page.waitForFunction(
      ([el, source, flags]) => new RegExp(source, flags).test((el as unknown as { value: string }).value),
      [handle, pattern.source, pattern.flags] as const,
      { timeout: timeoutMs },
    );
    return input.inputValue();
  }

  notification(text: string | RegExp): Locator {
    return this.page.locator('.notification-toast, .notification-list-item', { hasText: text }).first();
  }
}

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
