// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract Pausable {
    address public immutable admin;
    bool public paused;
    uint256 public counter;
    error NotAdmin();
    error IsPaused();
    event Paused(bool value);

    constructor() { admin = msg.sender; }

    modifier onlyAdmin() {
        if (msg.sender != admin) revert NotAdmin();
        _;
    }

    modifier whenNotPaused() {
        if (paused) revert IsPaused();
        _;
    }

    function setPaused(bool value) external onlyAdmin {
        paused = value;
        emit Paused(value);
    }

    function increment() external whenNotPaused {
        counter += 1;
    }
}
