// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract TimelockVault {
    struct Lock { uint256 amount; uint256 unlockAt; }
    mapping(address => Lock) public locks;
    uint256 public constant MIN_DELAY = 7 days;
    error TooEarly();
    error NothingLocked();
    error SendFailed();
    event Locked(address indexed who, uint256 amount, uint256 unlockAt);

    function lock() external payable {
        Lock storage l = locks[msg.sender];
        l.amount += msg.value;
        l.unlockAt = block.timestamp + MIN_DELAY;
        emit Locked(msg.sender, l.amount, l.unlockAt);
    }

    function release() external {
        Lock storage l = locks[msg.sender];
        if (l.amount == 0) revert NothingLocked();
        if (block.timestamp < l.unlockAt) revert TooEarly();
        uint256 amount = l.amount;
        l.amount = 0;
        (bool ok, ) = msg.sender.call{value: amount}("");
        if (!ok) revert SendFailed();
    }
}
