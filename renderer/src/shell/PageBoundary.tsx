// The page's own refusal to go blank: a page whose code cannot be loaded (its chunk missing from a
// damaged install) or that fails while drawing shows one Vietnamese sentence in its place, with
// the toolbar and the tree still there to go elsewhere. Without it React unmounts the whole window.
import { Component, type ReactNode } from 'react';

interface Props {
  /** The route: going to another one tries again (the pages are not remounted for it). */
  route: string;
  children: ReactNode;
}

interface State {
  /** The page of `route` failed. */
  failed: boolean;
  /** The route the state is about. */
  route: string;
}

export class PageBoundary extends Component<Props, State> {
  override state: State = { failed: false, route: this.props.route };

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.route === state.route ? null : { route: props.route, failed: false };
  }

  override componentDidCatch(error: unknown): void {
    console.error(error);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="page-message error" role="alert" data-testid="page-failed">
        Không mở được trang này (tệp của chương trình bị thiếu hoặc hỏng). Hãy mở trang khác hoặc đóng rồi mở lại ứng dụng; nếu vẫn lỗi, hãy cài đặt lại chương trình.
      </div>
    );
  }
}
