// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App, APP_TITLE } from './App';

describe('App', () => {
  it('shows the title and a labelled disk specification input', () => {
    render(<App />);
    expect(screen.getByRole('heading', { level: 1, name: APP_TITLE })).toBeInTheDocument();
    expect(screen.getByLabelText('Disk specification')).toBeInTheDocument();
  });

  it('shows what was typed in the preview', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.type(screen.getByLabelText('Disk specification'), 'vdev=xvda');
    expect(screen.getByTestId('preview-output')).toHaveTextContent('vdev=xvda');
  });
});
