// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

interface IERC20 {
    function transfer(address to, uint256 amount) external returns (bool);
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
}

contract Staking {
    IERC20 public immutable stakingToken;
    mapping(address => uint256) public staked;
    uint256 public totalStaked;
    error TransferFailed();
    error Insufficient();
    event Staked(address indexed who, uint256 amount);
    event Unstaked(address indexed who, uint256 amount);

    constructor(IERC20 token) { stakingToken = token; }

    function stake(uint256 amount) external {
        staked[msg.sender] += amount;
        totalStaked += amount;
        emit Staked(msg.sender, amount);
        if (!stakingToken.transferFrom(msg.sender, address(this), amount)) revert TransferFailed();
    }

    function unstake(uint256 amount) external {
        if (staked[msg.sender] < amount) revert Insufficient();
        staked[msg.sender] -= amount;
        totalStaked -= amount;
        emit Unstaked(msg.sender, amount);
        if (!stakingToken.transfer(msg.sender, amount)) revert TransferFailed();
    }
}
