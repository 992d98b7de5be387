// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract WrappedEther {
    mapping(address => uint256) public balanceOf;
    event Deposit(address indexed who, uint256 amount);
    event Withdrawal(address indexed who, uint256 amount);
    error Insufficient();
    error SendFailed();

    receive() external payable { deposit(); }

    function deposit() public payable {
        balanceOf[msg.sender] += msg.value;
        emit Deposit(msg.sender, msg.value);
    }

    function withdraw(uint256 amount) external {
        if (balanceOf[msg.sender] < amount) revert Insufficient();
        balanceOf[msg.sender] -= amount;
        emit Withdrawal(msg.sender, amount);
        (bool ok, ) = msg.sender.call{value: amount}("");
        if (!ok) revert SendFailed();
    }
}
